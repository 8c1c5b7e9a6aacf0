package dev.driftless;

/**
 * {@code DriftlessException} is the base of every exception Driftless throws for a problem a user can act on:
 * bad input, an unreachable server, a failed script.
 *
 * <p>Its message is written for people: it names the file, line, object or setting involved and says what to do.
 * It never contains a password.
 */
public class DriftlessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for people.
     *
     * @param message what went wrong and what to do, never {@code null}
     */
    public DriftlessException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for people and the low-level cause.
     *
     * @param message what went wrong and what to do, never {@code null}
     * @param cause the underlying failure, kept for the stack trace
     */
    public DriftlessException(String message, Throwable cause) {
        super(message, cause);
    }
}
