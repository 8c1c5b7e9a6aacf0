package dev.driftless.internal.migration;

import dev.driftless.Printable;
import dev.driftless.migration.MigrationException;

/**
 * {@code ReadErrors} makes the exceptions that reading a migration location raises. Their messages quote file names,
 * locations and script lines, so control characters in them are escaped ({@link Printable#of}), as in every
 * message about a script.
 */
final class ReadErrors {

    private ReadErrors() {
    }

    static MigrationException of(String message) {
        return new MigrationException(Printable.of(message));
    }

    static MigrationException of(String message, Throwable cause) {
        return new MigrationException(Printable.of(message), cause);
    }
}
