package dev.driftless.internal.server;

import dev.driftless.DriftlessException;

/**
 * Docker cannot serve this start after all, though the quick check found it could: Testcontainers cannot use the
 * engine, or the image turns out not to be obtainable. The {@code auto} provider falls back to embedded on it and
 * tells {@link #problem()}; the {@code docker} provider reports the whole message, advice included.
 */
public final class DockerUnavailableException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, without the advice. */
    private final String problem;

    DockerUnavailableException(String problem, String advice, Throwable cause) {
        super(problem + ". " + advice, cause);
        this.problem = problem;
    }

    /** @return what is wrong, without the advice */
    public String problem() {
        return problem;
    }
}
