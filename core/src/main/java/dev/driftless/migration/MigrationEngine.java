package dev.driftless.migration;

import dev.driftless.internal.migration.DriftlessEngine;
import dev.driftless.server.Database;
import dev.driftless.template.TemplateKey;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code MigrationEngine} is what builds a database along a chain of migrations: Driftless's own runner
 * ({@link #driftless(MigrationChain)}, a {@link Migrator} per database) or the real Flyway
 * ({@link FlywaySettings#engine()}). The migration checks ({@code ChainChecks}) and templates sit above it and do not
 * care which engine built a database: fresh install ≡ migrated path is only true when the migrated path is built the
 * way production builds it.
 *
 * <pre>{@code
 * MigrationEngine engine = FlywaySettings.defaults().withLocations("classpath:db/migration").engine();
 * engine.migrateToLatest(database);
 * engine.appliedVersions(database);          // [1, 1.1, 2], in the order they were applied
 * ChainChecks.on(server).reversibility(engine);
 * }</pre>
 *
 * <p>An engine describes one chain with its configuration; it holds no database and is safe to share. Each method that
 * takes a {@link Database} opens its own connections to it.
 */
public interface MigrationEngine {

    /**
     * Makes the engine of Driftless's own runner: each database is migrated by a {@link Migrator} of the chain, with
     * its history in {@value Migrator#DEFAULT_HISTORY_TABLE}.
     *
     * @param chain the chain, never {@code null}
     * @return the engine, never {@code null}
     */
    static MigrationEngine driftless(MigrationChain chain) {
        return DriftlessEngine.of(chain);
    }

    /** @return the engine's name for messages, e.g. {@code Driftless} or {@code Flyway 13.12.1}, never {@code null} */
    String name();

    /** @return where the chain is, for messages, e.g. {@code classpath:db/migration, classpath:db/callbacks} */
    String location();

    /**
     * Lists the versioned migrations in the order the engine runs them; a migration has a
     * {@linkplain Migration#down() down script} exactly when {@link #revert} can revert it. An engine that resolves its
     * migrations through a connection (Flyway does) reads them in the given database once and changes nothing there.
     *
     * @param database a database of the server the chain is checked on, e.g. a new, empty one
     * @return the migrations, never {@code null}
     * @throws MigrationException when the chain cannot be read
     */
    List<Migration> migrations(Database database);

    /**
     * Lists the baselines (Flyway's {@code B5__x.sql}): each builds the whole schema at its version, and a new
     * database starts from the newest one at or below its target.
     *
     * @param database as for {@link #migrations(Database)}
     * @return the baselines in version order, usually none
     * @throws MigrationException when the chain cannot be read
     */
    List<Migration> baselines(Database database);

    /** @return the order in which the engine runs versions, never {@code null} */
    Comparator<MigrationVersion> versionOrder();

    /**
     * Migrates a database to a version of the chain (only up, for engines that cannot go down).
     *
     * @param database the database
     * @param target the version to reach
     * @return what the run did, never {@code null}
     * @throws MigrationException when a migration fails or the run refuses; the message names the script
     */
    MigrationResult migrate(Database database, MigrationVersion target);

    /**
     * Migrates a database to a target as the user writes it ({@code @MigratedDatabase(target = ...)}): a version of
     * the chain for Driftless's runner and Flyway; for Liquibase a changeSet's number, or else a tag
     * ({@code 2025.1}, {@code release-1}). Each engine reads the text its own way, here and nowhere else.
     *
     * @param database the database
     * @param target the target as written, not blank
     * @return what the run did, never {@code null}
     * @throws MigrationException when the target is not one of the chain's (the message says what it takes), a
     *                            migration fails or the run refuses
     */
    default MigrationResult migrateTo(Database database, String target) {
        MigrationVersion version;
        try {
            version = MigrationVersion.parse(Objects.requireNonNull(target, "target").strip());
        } catch (IllegalArgumentException e) {
            throw new MigrationException("Target \"" + target + "\" is not a version of " + location() + " ("
                    + name() + "): " + e.getMessage());
        }
        return migrate(database, version);
    }

    /**
     * Migrates a database to the chain's latest version, with the repeatable migrations.
     *
     * @param database the database
     * @return what the run did, never {@code null}
     * @throws MigrationException when a migration fails or the run refuses
     */
    MigrationResult migrateToLatest(Database database);

    /**
     * @param database the database
     * @return the versions applied to it, in the order they were applied (a baseline's version first when it started
     *     from one); empty for a new database
     * @throws MigrationException when the database's history cannot be read
     */
    List<MigrationVersion> appliedVersions(Database database);

    /**
     * Reverts the newest applied migration of a database, which must be the given one, with its down script, so that
     * the database is at the version before it and the engine can apply it again.
     *
     * @param database the database, at the migration's version
     * @param migration one of {@link #migrations(Database)}, with a down script
     * @throws MigrationException when the migration has no down script ("engine Flyway cannot revert ...: ..."), it is
     *                            not the newest applied one, or the down script fails
     */
    void revert(Database database, Migration migration);

    /**
     * Removes the record of the newest applied migration of a database, which must be the given one, from the engine's
     * history, so that the next {@link #migrate} runs it again; the schema is left as it is. This is how
     * {@code ChainChecks.migrationIdempotency(engine)} runs a migration a second time through the engine itself.
     *
     * @param database the database, at the migration's version
     * @param migration one of {@link #migrations(Database)}
     * @throws MigrationException when the migration is not the newest applied one, or the history cannot be written
     */
    void forget(Database database, Migration migration);

    /**
     * @return the tables the engine keeps its history in, {@code table} or {@code schema.table}, e.g.
     *     {@code flyway_schema_history}; the checks leave them out of comparisons
     */
    List<String> historyTables();

    /**
     * Returns the key of everything the engine reads: every resource in every location (scripts, callbacks, undo
     * scripts, Java migration classes), the configuration and placeholders. A template built by this engine is
     * reused exactly while this key stays the same.
     *
     * @return the key, never {@code null}
     * @throws MigrationException when a location cannot be read
     */
    TemplateKey contentKey();

    /**
     * Returns this engine whose failure messages call the database by a label instead of its name, as
     * {@link Migrator#withDatabaseLabel(String)} does; an engine whose messages name no database returns itself.
     *
     * @param label e.g. {@code "the check's database"}, not blank
     * @return the engine
     */
    MigrationEngine withDatabaseLabel(String label);

    /**
     * Returns this engine without its baselines: a new database then runs the versioned migrations from the first.
     * {@code ChainChecks.baselines} compares the two paths.
     *
     * @return the engine, itself when it has no baselines
     */
    MigrationEngine withoutBaselines();
}
