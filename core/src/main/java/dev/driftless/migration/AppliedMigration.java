package dev.driftless.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code AppliedMigration} is one row of the history table: a migration applied to a database (or, with
 * {@code success == false}, one that failed outside a transaction and may be partly applied).
 *
 * @param rank the order in which rows were written, starting at 1
 * @param version the version, {@link MigrationVersion#EMPTY} for a repeatable migration
 * @param description the migration's description
 * @param repeatable {@code true} for a repeatable migration
 * @param script the name of the script that was run
 * @param checksum the SHA-256 checksum of that script
 * @param appliedAt when it was applied
 * @param duration how long it took
 * @param success {@code false} when it failed outside a transaction
 */
public record AppliedMigration(int rank, MigrationVersion version, String description, boolean repeatable, String script,
                               String checksum, Instant appliedAt, Duration duration, boolean success) {

    /** Checks the components are present. */
    public AppliedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(duration, "duration");
    }
}
