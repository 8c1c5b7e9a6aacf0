package dev.driftless.migration;

import dev.driftless.sql.SqlScript;

import java.util.Objects;

/**
 * {@code RepeatableMigration} is a script without a version (Flyway's {@code R__views.sql}) that {@link Migrator} runs
 * after the versioned migrations whenever its checksum differs from the one last applied. Immutable.
 */
public final class RepeatableMigration {

    private final String description;
    private final SqlScript script;

    private RepeatableMigration(String description, SqlScript script) {
        this.description = Objects.requireNonNull(description, "description");
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * @param description what it does, unique in its chain, e.g. {@code views}
     * @param script the script, which should be safe to run again ({@code CREATE OR REPLACE ...})
     * @return the repeatable migration, never {@code null}
     */
    public static RepeatableMigration of(String description, SqlScript script) {
        return new RepeatableMigration(description, script);
    }

    /** @return the description, unique in the chain */
    public String description() {
        return description;
    }

    /** @return the script */
    public SqlScript script() {
        return script;
    }

    /** @return the SHA-256 checksum of the script */
    public String checksum() {
        return script.checksum();
    }

    /** @return e.g. {@code repeatable views (db/migrations/R__views.sql)} */
    @Override
    public String toString() {
        return "repeatable " + description + " (" + script.name() + ")";
    }
}
