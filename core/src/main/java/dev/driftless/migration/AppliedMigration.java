package dev.driftless.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code AppliedMigration} is one row of the history table: a migration applied to a database, or one that ran
 * outside a transaction and did not finish cleanly ({@code success == false}; its {@link #state()} says how).
 *
 * @param rank the order in which rows were written, starting at 1
 * @param version the version, {@link MigrationVersion#EMPTY} for a repeatable migration
 * @param description the migration's description
 * @param repeatable {@code true} for a repeatable migration
 * @param script the name of the script that was run
 * @param checksum the SHA-256 checksum of that script
 * @param appliedAt when it was applied; for a migration that ran outside a transaction, when it started
 * @param duration how long it took (zero while it has not finished)
 * @param success {@code true} when it is applied; {@code false} when it ran outside a transaction and failed, or
 *     started and never finished, and may be partly applied
 * @param state what became of it, never {@code null}; {@link State#APPLIED} exactly when {@code success}
 */
public record AppliedMigration(int rank, MigrationVersion version, String description, boolean repeatable, String script,
                               String checksum, Instant appliedAt, Duration duration, boolean success, State state) {

    /**
     * {@code State} is what became of a migration recorded in the history table. Only {@link #APPLIED} counts as
     * applied; every other state is a migration that ran outside a transaction (so each of its statements committed
     * on its own) and did not end cleanly, and the migrator refuses to touch the database until a person has looked
     * at what it left and deleted the row.
     */
    public enum State {
        /** Applied and finished. */
        APPLIED,
        /** Its up script failed part-way outside a transaction: the statements before the failure stay applied. */
        FAILED,
        /**
         * Its up script was started outside a transaction and never finished: the run was killed, or lost its
         * connection, so any of its statements may have run. The row is written and committed before the first
         * statement runs.
         */
        STARTED,
        /** Its down script failed part-way outside a transaction: the migration may be partly reverted. */
        REVERT_FAILED,
        /** Its down script was started outside a transaction and never finished. */
        REVERT_STARTED;

        /** @return the value of the history table's {@code state} column, e.g. {@code revert_started} */
        public String columnValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Reads the history table's {@code state} column together with {@code success}, which wins when they
         * disagree (someone who set {@code success = true} by hand meant the migration to count as applied).
         *
         * @param value the column's value; {@code null} in rows written before the column existed
         * @param success the row's {@code success} column
         * @return {@link #APPLIED} when {@code success}; else the state the value names, or {@link #FAILED} when it
         *     names none of the unfinished states ({@code null}, {@code applied}, or a value this version does not
         *     know)
         */
        public static State of(String value, boolean success) {
            if (success) {
                return APPLIED;
            }
            for (State state : values()) {
                if (state != APPLIED && state.columnValue().equals(value)) {
                    return state;
                }
            }
            return FAILED;
        }
    }

    /**
     * Checks the components are present and agree.
     *
     * @param rank the value for the {@code rank} record component
     * @param version the value for the {@code version} record component
     * @param description the value for the {@code description} record component
     * @param repeatable the value for the {@code repeatable} record component
     * @param script the value for the {@code script} record component
     * @param checksum the value for the {@code checksum} record component
     * @param appliedAt the value for the {@code appliedAt} record component
     * @param duration the value for the {@code duration} record component
     * @param success the value for the {@code success} record component
     * @param state the value for the {@code state} record component
     */
    public AppliedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(state, "state");
        if (success != (state == State.APPLIED)) {
            throw new IllegalArgumentException("A history row with success = " + success + " cannot be in state "
                    + state);
        }
    }

    /**
     * Creates a row as written before the history table had a {@code state} column: {@link State#APPLIED} when it
     * succeeded, else {@link State#FAILED}.
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
    public AppliedMigration(int rank, MigrationVersion version, String description, boolean repeatable, String script,
                            String checksum, Instant appliedAt, Duration duration, boolean success) {
        this(rank, version, description, repeatable, script, checksum, appliedAt, duration, success,
                success ? State.APPLIED : State.FAILED);
    }

    /** @return e.g. {@code 002 orders (002_orders.sql)}, or {@code repeatable views (R__views.sql)} */
    public String label() {
        return (repeatable ? "repeatable" : version.toString()) + (description.isEmpty() ? "" : " " + description)
                + " (" + script + ")";
    }
}
