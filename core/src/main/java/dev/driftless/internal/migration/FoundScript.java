package dev.driftless.internal.migration;

import dev.driftless.migration.MigrationVersion;

/**
 * {@code FoundScript} is one script a layout reader recognised: an up or down script of a version, or a repeatable
 * script.
 *
 * @param kind what the script does
 * @param version its version ({@link MigrationVersion#EMPTY} for a repeatable script)
 * @param description the migration's description, e.g. {@code add orders}
 * @param source the script's text and origin
 */
public record FoundScript(Kind kind, MigrationVersion version, String description, ScriptSource source) {

    /** {@code Kind} is the role of a script in a chain. */
    public enum Kind {
        /** An up (forward) script of a versioned migration. */
        UP,
        /** A down (rollback, undo, revert) script of a versioned migration. */
        DOWN,
        /** A repeatable script (Flyway {@code R__}), run whenever its checksum changes. */
        REPEATABLE,
        /** A baseline (Flyway {@code B}): the whole schema at its version, run only on a new database. */
        BASELINE
    }
}
