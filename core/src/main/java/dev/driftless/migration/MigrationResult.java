package dev.driftless.migration;

import java.util.List;
import java.util.Objects;

/**
 * {@code MigrationResult} is what one run of a {@link Migrator} did, read from the history table after the run took
 * the migration lock: a run that waited for a concurrent one and then found the work done says so, instead of
 * claiming that work. Immutable.
 *
 * <pre>{@code
 * MigrationResult result = migrator.migrate(MigrationVersion.parse("003"));
 * result.from();        // 001, the version when this run took the lock
 * result.applied();     // [002 orders (...), 003 index (...)], in the order they ran
 * result.reached();     // 003
 * }</pre>
 *
 * @param from the highest applied version when the run took the lock, {@link MigrationVersion#EMPTY} when none
 * @param reached the highest applied version when it ended
 * @param applied the migrations whose up script this run applied, in the order they ran
 * @param reverted the migrations whose down script this run ran, in the order they ran (newest first)
 * @param repeatables the repeatable migrations this run (re-)applied, in the order they ran
 */
public record MigrationResult(MigrationVersion from, MigrationVersion reached, List<Migration> applied,
                              List<Migration> reverted, List<RepeatableMigration> repeatables) {

    /**
     * Checks the components are present and copies the lists.
     *
     * @param from the value for the {@code from} record component
     * @param reached the value for the {@code reached} record component
     * @param applied the value for the {@code applied} record component
     * @param reverted the value for the {@code reverted} record component
     * @param repeatables the value for the {@code repeatables} record component
     */
    public MigrationResult {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(reached, "reached");
        applied = List.copyOf(applied);
        reverted = List.copyOf(reverted);
        repeatables = List.copyOf(repeatables);
    }

    /** @return {@code true} when the run changed nothing: the database already was where it was asked to go */
    public boolean didNothing() {
        return applied.isEmpty() && reverted.isEmpty() && repeatables.isEmpty();
    }
}
