package dev.driftless.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * TEMPORARY API placeholder on the integration branch; replaced by the Liquibase engine's real class before merging.
 */
public final class LiquibaseSettings {

    private LiquibaseSettings() {
    }

    /** @return settings */
    public static LiquibaseSettings defaults() {
        return new LiquibaseSettings();
    }

    /** @param location changelog @return settings */
    public LiquibaseSettings withChangelog(String location) {
        return this;
    }

    /** @param contexts contexts @return settings */
    public LiquibaseSettings withContexts(String... contexts) {
        return this;
    }

    /** @param labels labels @return settings */
    public LiquibaseSettings withLabels(String... labels) {
        return this;
    }

    /** @param name name @param value value @return settings */
    public LiquibaseSettings withParameter(String name, String value) {
        return this;
    }

    /** @param schema schema @return settings */
    public LiquibaseSettings withDefaultSchema(String schema) {
        return this;
    }

    /** @param loader loader @return settings */
    public LiquibaseSettings withClassLoader(ClassLoader loader) {
        return this;
    }

    /** @param directory directory @return settings */
    public LiquibaseSettings withWorkingDirectory(Path directory) {
        return this;
    }

    /** @return engine */
    public MigrationEngine engine() {
        throw new MigrationException("Liquibase engine: on its way (integration placeholder)");
    }
}
