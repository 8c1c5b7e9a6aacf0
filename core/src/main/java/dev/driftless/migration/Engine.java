package dev.driftless.migration;

/**
 * {@code Engine} names which {@link MigrationEngine} builds a chain: the same names in the annotation
 * ({@code @MigratedDatabase(engine = Engine.FLYWAY)}), the CLI ({@code --engine flyway}) and the API
 * ({@link EngineSelector#withEngine(Engine)}).
 */
public enum Engine {

    /**
     * Picked from the location: a Liquibase changelog file ({@code .xml}, {@code .yaml}, {@code .yml}, {@code .json},
     * or {@code .sql} starting with {@code --liquibase formatted sql}) → {@link #LIQUIBASE}; a folder in Flyway's layout
     * with Flyway on the class path → {@link #FLYWAY}; anything else → {@link #DRIFTLESS}.
     */
    AUTO,
    /** Driftless's own runner, for every layout of the migrations guide; history in {@code driftless_schema_history}. */
    DRIFTLESS,
    /** The real Flyway ({@code org.flywaydb:flyway-core} on the class path), through {@link FlywaySettings}. */
    FLYWAY,
    /** The real Liquibase ({@code org.liquibase:liquibase-core} 4.x on the class path), through {@code LiquibaseSettings}. */
    LIQUIBASE
}
