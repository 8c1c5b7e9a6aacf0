package dev.driftless.migration;

import dev.driftless.DriftlessException;

/**
 * {@code MigrationException} reports a problem with a migration chain or a migration run: an invalid chain (duplicate
 * versions, a down script without its up, a file fitting no pattern), a missing location, a failed migration, or a
 * down migration that cannot be done. Its message names every file involved and what to do.
 */
public class MigrationException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for people.
     *
     * @param message what went wrong, naming the files involved, and what to do
     */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for people and its cause.
     *
     * @param message what went wrong, naming the files involved, and what to do
     * @param cause the underlying failure, e.g. the script's {@code ScriptException}
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
