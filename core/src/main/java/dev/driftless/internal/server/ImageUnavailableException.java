package dev.driftless.internal.server;

import dev.driftless.DriftlessException;

/**
 * The Docker image is neither present nor obtainable. The {@code auto} provider falls back to embedded on it and logs
 * {@link #problem()}; the {@code docker} provider reports the whole message, advice included.
 */
public final class ImageUnavailableException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, without the advice. */
    private final String problem;

    ImageUnavailableException(String problem, String advice, Throwable cause) {
        super(problem + ". " + advice, cause);
        this.problem = problem;
    }

    /** @return what is wrong, without the advice */
    public String problem() {
        return problem;
    }
}
