package dev.driftless.cli.internal;

import dev.driftless.DriftlessException;

/**
 * {@code BadInputException} is input the CLI cannot work with — a missing file, an unknown report format, a source it
 * cannot recognise. It ends the command with exit code 2 and its message on standard error.
 */
public final class BadInputException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do, for people
     */
    public BadInputException(String message) {
        super(message);
    }
}
