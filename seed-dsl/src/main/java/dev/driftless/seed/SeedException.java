package dev.driftless.seed;

import dev.driftless.DriftlessException;

/**
 * {@code SeedException} is thrown when a fixture cannot be read, checked or loaded. Its message names the fixture file
 * (and line), table, row (index and alias) and column, the server's SQLSTATE and message when the server refused,
 * and what to do. When it is thrown by a load, nothing of that load was inserted.
 */
public class SeedException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for people.
     *
     * @param message what went wrong, where, and what to do
     */
    public SeedException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for people and its cause.
     *
     * @param message what went wrong, where, and what to do
     * @param cause the underlying failure
     */
    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
