package dev.driftless.check;

import dev.driftless.DriftlessException;
import dev.driftless.check.CheckResult.Comparison;
import dev.driftless.check.CheckResult.Failure;
import dev.driftless.check.CheckResult.Kind;
import dev.driftless.check.CheckResult.Step;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.migration.Migration;
import dev.driftless.internal.migration.DriftlessEngine;
import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.Quote;
import dev.driftless.sql.ScriptResult;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.ServerError;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * {@code ChainChecks} runs the migration checks on new databases of a server and returns what it found as data
 * ({@link CheckResult}, {@link DataPreservation}); the command line's {@code driftless verify} and the assertions'
 * {@code assertThatMigrations(chain).on(server)} are both built on it, so they reach the same verdicts.
 *
 * <pre>{@code
 * ChainChecks checks = ChainChecks.on(server);
 * checks.sameSchema(chain, chain.latestVersion(), SqlScript.at("sql/init_schema.sql"));   // fresh install ≡ migrated
 * checks.reversibility(chain);                  // one result per migration
 * checks.masterSchemaIdempotency(SqlScript.at("sql/init_schema.sql"));
 * checks.migrationIdempotency(chain);           // one result per migration
 * checks.migrationIdempotency(engine);          // the same, each migration run twice by the engine itself
 * }</pre>
 *
 * <p>The checks:
 * <ul>
 * <li>{@link #sameSchema sameSchema}: the master schema (or another chain) in one new database, the chain migrated to
 * a version in another, their schemas compared;</li>
 * <li>{@link #reversibility reversibility}: in one database, migration after migration, the schema is read right
 * before the up script runs; then up, down (the schema must be the one before up), up again (the schema must be the
 * one after the first up). After a migration that fails the check, the walk goes on in a new database migrated to that
 * migration, and the next migration's "before" is again read from that very database;</li>
 * <li>{@link #masterSchemaIdempotency masterSchemaIdempotency}: the master schema run a second time on the database it
 * built must succeed and change nothing;</li>
 * <li>{@link #migrationIdempotency migrationIdempotency}: each migration's up script, run directly (no history
 * table) after the ones before it, run a second time must succeed and change nothing; through an engine, the engine
 * migrates to each migration, forgets it in its history and migrates to it again;</li>
 * <li>{@link #dataPreservation dataPreservation}: rows loaded at one version are all still there after migrating on;</li>
 * <li>{@link #baselines baselines}: each baseline (Flyway's {@code B5__x.sql}) builds what the versioned migrations up
 * to its version build.</li>
 * </ul>
 * A master schema, an up script or a load that fails where the check needs it to work is not a verdict but broken
 * input: it is thrown ({@link dev.driftless.migration.MigrationException}, {@link dev.driftless.sql.ScriptException})
 * with file, line and server error. Messages call the databases "the check's database"; they are dropped, in the
 * background, when the check ends.
 *
 * <p>Each check of a {@link MigrationChain} runs it with Driftless's own runner ({@link MigrationEngine#driftless});
 * the overloads that take a {@link MigrationEngine} run the same check with another engine, e.g. the real Flyway
 * ({@link FlywaySettings#engine()}), so the migrated path is built as production builds it.
 *
 * <p>Schemas compare with {@link DiffOptions#defaults()} unless {@link #usingDiffOptions} says otherwise. Whatever
 * the options, the checks leave out the history tables of the engine that runs the chain
 * ({@link MigrationEngine#historyTables()}: a {@link Migrator}'s {@link Migrator#DEFAULT_HISTORY_TABLE}, Flyway's
 * {@code flyway_schema_history}) unless the options {@linkplain DiffOptions#includingTables include} them,
 * and the options' defaults leave out other tools' history tables recognised by their columns
 * ({@link dev.driftless.schema.HistoryTables}). Instances are immutable and safe to share.
 */
public final class ChainChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ChainChecks.class);
    private static final String DATABASE_LABEL = "the check's database";

    private final PostgresServer server;
    private final DiffOptions options;
    private final SchemaFilter filter;
    private final boolean acceptColumnOrder;
    private final Consumer<String> progress;

    private ChainChecks(PostgresServer server, DiffOptions options, SchemaFilter filter, boolean acceptColumnOrder,
            Consumer<String> progress) {
        this.server = server;
        this.options = options;
        this.filter = filter;
        this.acceptColumnOrder = acceptColumnOrder;
        this.progress = progress;
    }

    /**
     * Makes the checks for a server, with the default options.
     *
     * @param server the server whose new databases the checks use, never {@code null}
     * @return the checks
     */
    public static ChainChecks on(PostgresServer server) {
        return new ChainChecks(Objects.requireNonNull(server, "server"),
                DiffOptions.defaults(), SchemaFilter.all(), false,
                LOG::info);
    }

    /**
     * {@code usingDiffOptions} sets how schemas compare; the engine's history table is still left out (unless the
     * options include it), it is part of the check, not of the options.
     *
     * @param diffOptions the options, never {@code null}
     * @return new checks
     */
    public ChainChecks usingDiffOptions(DiffOptions diffOptions) {
        return new ChainChecks(server, Objects.requireNonNull(diffOptions, "diffOptions"), filter, acceptColumnOrder,
                progress);
    }

    /**
     * {@code inspecting} sets which objects are read from each database (e.g. only some schemas).
     *
     * @param schemaFilter the filter, never {@code null}
     * @return new checks
     */
    public ChainChecks inspecting(SchemaFilter schemaFilter) {
        return new ChainChecks(server, options, Objects.requireNonNull(schemaFilter, "schemaFilter"),
                acceptColumnOrder, progress);
    }

    /**
     * {@code acceptingColumnOrderChanges} makes {@link #reversibility} pass a migration whose down-then-up leaves the
     * columns in another order and nothing else (re-adding a dropped column puts it last); its result still holds the
     * differences ({@link CheckResult#differsInColumnOrderOnly()}).
     *
     * @return new checks
     */
    public ChainChecks acceptingColumnOrderChanges() {
        return new ChainChecks(server, options, filter, true, progress);
    }

    /**
     * {@code reportingProgressTo} sends the one-line progress of long checks ("Reverting 003 ...") somewhere else than
     * the default, SLF4J at {@code INFO} under this class's name.
     *
     * @param listener receives each line, never {@code null}
     * @return new checks
     */
    public ChainChecks reportingProgressTo(Consumer<String> listener) {
        return new ChainChecks(server, options, filter, acceptColumnOrder, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Checks that migrating a new database along a chain to a version gives the same schema as running the master
     * schema on another new database ("fresh install ≡ migrated path").
     *
     * @param chain the chain
     * @param target the version to migrate to, e.g. {@code chain.latestVersion()}
     * @param masterSchema the script that builds the schema of a fresh install
     * @return the result: {@link Kind#SAME_SCHEMA}, with the comparison master schema → migrated chain
     * @throws DriftlessException when the master schema or a migration fails to run (file, line, server error)
     */
    public CheckResult sameSchema(MigrationChain chain, MigrationVersion target, SqlScript masterSchema) {
        return sameSchema(MigrationEngine.driftless(chain), target, masterSchema);
    }

    /**
     * Checks that migrating a new database with an engine (e.g. the real Flyway, {@link FlywaySettings#engine()}) to a
     * version gives the same schema as running the master schema on another new database.
     *
     * @param engine the engine of the chain
     * @param target the version to migrate to
     * @param masterSchema the script that builds the schema of a fresh install
     * @return the result: {@link Kind#SAME_SCHEMA}, with the comparison master schema → migrated chain
     * @throws DriftlessException when the master schema or a migration fails to run (file, line, server error)
     */
    public CheckResult sameSchema(MigrationEngine engine, MigrationVersion target, SqlScript masterSchema) {
        return sameSchema(engine, target, masterSchema.name(), List.of(), db -> {
            ScriptResult result = run(masterSchema, db);
            progress.accept("  " + result.statementCount() + " statements in " + result.duration().toMillis() + " ms");
        });
    }

    /**
     * Checks that migrating a new database along a chain to a version gives the same schema as another chain (e.g. a
     * squashed one) migrated to its latest version.
     *
     * @param chain the chain
     * @param target the version to migrate to, e.g. {@code chain.latestVersion()}
     * @param other the other chain
     * @return the result: {@link Kind#SAME_SCHEMA}, with the comparison other chain → chain
     * @throws DriftlessException when a migration of either chain fails to run
     */
    public CheckResult sameSchema(MigrationChain chain, MigrationVersion target, MigrationChain other) {
        return sameSchema(MigrationEngine.driftless(chain), target, MigrationEngine.driftless(other));
    }

    /**
     * Checks that migrating a new database with an engine to a version gives the same schema as another engine's
     * chain migrated to its latest version, e.g. the real Flyway's path and Driftless's own reading of the same folder.
     *
     * @param engine the engine of the chain
     * @param target the version to migrate to
     * @param other the engine of the other chain
     * @return the result: {@link Kind#SAME_SCHEMA}, with the comparison other chain → chain
     * @throws DriftlessException when a migration of either chain fails to run
     */
    public CheckResult sameSchema(MigrationEngine engine, MigrationVersion target, MigrationEngine other) {
        return sameSchema(engine, target, other.location(), other.historyTables(), db -> {
            other.withDatabaseLabel(DATABASE_LABEL).migrateToLatest(db);
        });
    }

    /**
     * Checks every baseline of a chain (Flyway's {@code B5__x.sql}, {@link MigrationChain#baselines()}): a new
     * database built from the baseline (as Flyway builds a new database) must have the schema of one migrated along
     * the versioned migrations up to the baseline's version ("baseline ≡ versioned migrations up to its version").
     *
     * <pre>{@code
     * for (CheckResult result : ChainChecks.on(server).baselines(MigrationChain.at("db/migration"))) {
     *     result.migration();   // Optional[5 baseline (db/migration/B5__baseline.sql)]
     *     result.verdict();     // FAILED when B5 builds another schema than V1 ... V5
     * }
     * }</pre>
     *
     * @param chain the chain
     * @return one result per baseline, in version order: {@link Kind#BASELINE}, with the comparison versioned
     *     migrations → baseline; none for a chain without baselines
     * @throws DriftlessException when a baseline or a migration fails to run
     */
    public List<CheckResult> baselines(MigrationChain chain) {
        return baselines(MigrationEngine.driftless(chain));
    }

    /**
     * Checks every baseline of an engine's chain, as {@link #baselines(MigrationChain)} does: a new database started
     * from the baseline by the engine itself against one migrated by the same engine without baselines
     * ({@link MigrationEngine#withoutBaselines()}) up to the baseline's version.
     *
     * @param engine the engine of the chain
     * @return one result per baseline, in version order: {@link Kind#BASELINE}
     * @throws DriftlessException when a baseline or a migration fails to run
     */
    public List<CheckResult> baselines(MigrationEngine engine) {
        List<Migration> baselines;
        List<Migration> migrations;
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            baselines = engine.baselines(db);
            migrations = baselines.isEmpty() ? List.of() : engine.migrations(db);
        }
        MigrationEngine versioned = engine.withoutBaselines().withDatabaseLabel(DATABASE_LABEL);
        List<CheckResult> results = new ArrayList<>();
        for (Migration baseline : baselines) {
            Optional<MigrationVersion> below = migrations.stream().map(Migration::version)
                    .filter(v -> engine.versionOrder().compare(v, baseline.version()) <= 0)
                    .reduce((a, b) -> b);
            String expected = engine.location() + " (versioned migrations up to " + baseline.version() + ")";
            CheckResult same = sameSchema(engine, baseline.version(), expected, List.of(),
                    db -> below.ifPresent(version -> versioned.migrate(db, version)));
            results.add(new CheckResult(Kind.BASELINE, same.verdict(), Optional.of(baseline), same.comparisons(),
                    Optional.empty()));
        }
        return results;
    }

    private CheckResult sameSchema(MigrationEngine engine, MigrationVersion target, String expectedName,
            List<String> expectedHistoryTables, Consumer<Database> expectedPath) {
        Objects.requireNonNull(target, "target");
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database expected = scratch.create();
            progress.accept("Building " + expectedName + " in a new database ...");
            expectedPath.accept(expected);
            SchemaSnapshot expectedSchema = inspect(expected);
            Database migrated = scratch.create();
            progress.accept("Migrating a new database along " + engine.location() + " (" + engine.migrations(migrated)
                    .size() + " migrations" + through(engine) + ") to " + target + " ...");
            engine.withDatabaseLabel(DATABASE_LABEL).migrate(migrated, target);
            List<String> historyTables = new ArrayList<>(engine.historyTables());
            historyTables.addAll(expectedHistoryTables);
            Comparison comparison = compare(Step.MIGRATED, expectedSchema, inspect(migrated), historyTables);
            return new CheckResult(Kind.SAME_SCHEMA, comparison.diff().isEmpty() ? Verdict.PASSED : Verdict.FAILED,
                    Optional.empty(), List.of(comparison), Optional.empty());
        }
    }

    /**
     * Checks every migration of a chain for reversibility, in one database walked up the chain: for each migration
     * with a down script, the schema right before up; up; down (must give that schema back); up again (must give the
     * schema of the first up). Migrations without a down script are applied and {@link Verdict#SKIPPED}. After a
     * migration that fails, the walk goes on in a new database migrated to it.
     *
     * @param chain the chain
     * @return one result per migration of the chain, in order: {@link Kind#REVERSIBILITY}, with the comparisons that
     *     found differences ({@link Step#DOWN}, {@link Step#UP_AGAIN}) and the step that failed
     * @throws DriftlessException when an up script fails the first time it runs
     */
    public List<CheckResult> reversibility(MigrationChain chain) {
        return reversibility(MigrationEngine.driftless(chain));
    }

    /**
     * Checks every migration of an engine's chain for reversibility, as {@link #reversibility(MigrationChain)} does,
     * with the engine applying each migration and {@linkplain MigrationEngine#revert reverting} it (for Flyway: its
     * {@code U} script, run by Driftless between Flyway's steps). Migrations the engine cannot revert are
     * {@link Verdict#SKIPPED}. The walk starts from an empty database without the chain's baselines
     * ({@link MigrationEngine#withoutBaselines()}), so that every versioned migration is applied and reverted.
     *
     * @param engine the engine of the chain
     * @return one result per migration of the chain, in order: {@link Kind#REVERSIBILITY}
     * @throws DriftlessException when a migration fails the first time it runs
     */
    public List<CheckResult> reversibility(MigrationEngine engine) {
        // Each versioned migration is walked, so a new database must not start from a baseline (Flyway starts a new
        // database from its newest baseline whatever the target).
        MigrationEngine walking = engine.withoutBaselines().withDatabaseLabel(DATABASE_LABEL);
        List<String> history = engine.historyTables();
        List<CheckResult> results = new ArrayList<>();
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            List<Migration> migrations = walking.migrations(db);
            SchemaSnapshot current = null; // the schema of db as it is now, when it has been read since the last change
            int reached = -1; // the index of the migration db is at
            for (int i = 0; i < migrations.size(); i++) {
                Migration migration = migrations.get(i);
                if (migration.down().isEmpty()) {
                    // Not migrated to on its own: the next step with a down script (or the end of the walk) migrates
                    // past it, so repeatables run fewer times at versions no one deploys.
                    results.add(new CheckResult(Kind.REVERSIBILITY, Verdict.SKIPPED, Optional.of(migration), List.of(),
                            Optional.empty()));
                    continue;
                }
                progress.accept("Reversibility " + (i + 1) + "/" + migrations.size() + ": applying, reverting and"
                        + " applying again " + migration + " ...");
                if (reached < i - 1) {
                    walking.migrate(db, migrations.get(i - 1).version());
                    current = null;
                }
                reached = i;
                SchemaSnapshot before = current != null ? current : inspect(db);
                Database at = db;
                walking.migrate(at, migration.version());
                SchemaSnapshot afterUp = inspect(at);
                List<Comparison> differences = new ArrayList<>();
                Failure failure = step(Step.DOWN, () -> walking.revert(at, migration));
                SchemaSnapshot afterUpAgain = null;
                if (failure == null) {
                    keepIfDifferent(differences, compare(Step.DOWN, before, inspect(at), history));
                    failure = step(Step.UP_AGAIN, () -> walking.migrate(at, migration.version()));
                }
                if (failure == null) {
                    afterUpAgain = inspect(at);
                    keepIfDifferent(differences, compare(Step.UP_AGAIN, afterUp, afterUpAgain, history));
                }
                CheckResult result = new CheckResult(Kind.REVERSIBILITY, Verdict.FAILED, Optional.of(migration),
                        differences, Optional.ofNullable(failure));
                boolean clean = failure == null && differences.isEmpty();
                boolean passes = clean || acceptColumnOrder && result.differsInColumnOrderOnly();
                results.add(passes ? new CheckResult(Kind.REVERSIBILITY, Verdict.PASSED, Optional.of(migration),
                        differences, Optional.empty()) : result);
                if (clean) {
                    current = afterUpAgain;
                } else {
                    // The database is in a state no version of the chain describes: go on in a new one.
                    scratch.drop(db);
                    db = scratch.create();
                    walking.migrate(db, migration.version());
                    current = null;
                }
            }
            if (reached < migrations.size() - 1) {
                // The steps after the last one with a down script still run once, so a broken one is not missed.
                walking.migrate(db, migrations.get(migrations.size() - 1).version());
            }
        }
        return results;
    }

    /**
     * Checks that the master schema is idempotent: run on a new database, then a second time on the same one, the
     * second run must succeed and change nothing (what {@code CREATE ... IF NOT EXISTS} scripts promise).
     *
     * @param masterSchema the script
     * @return the result: {@link Kind#MASTER_SCHEMA_IDEMPOTENCY}, with the comparison first run → second run, or the
     *     second run's failure
     * @throws DriftlessException when the first run fails
     */
    public CheckResult masterSchemaIdempotency(SqlScript masterSchema) {
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            progress.accept("Running " + masterSchema.name() + " twice ...");
            run(masterSchema, db);
            return runAgain(Kind.MASTER_SCHEMA_IDEMPOTENCY, Optional.empty(), masterSchema, db);
        }
    }

    /**
     * Checks that every migration's up script is idempotent: in one database, each up script runs directly (no
     * history table) after the ones before it, then a second time, which must succeed and change nothing. After a
     * migration that fails, the walk goes on in a new database with the up scripts up to it run once.
     *
     * @param chain the chain
     * @return one result per migration, in order: {@link Kind#MIGRATION_IDEMPOTENCY}
     * @throws DriftlessException when an up script fails the first time it runs
     */
    public List<CheckResult> migrationIdempotency(MigrationChain chain) {
        List<Migration> migrations = chain.migrations();
        List<CheckResult> results = new ArrayList<>();
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            for (int i = 0; i < migrations.size(); i++) {
                Migration migration = migrations.get(i);
                progress.accept("Idempotency " + (i + 1) + "/" + migrations.size() + ": running " + migration
                        + " twice ...");
                run(migration.up(), db);
                CheckResult result = runAgain(Kind.MIGRATION_IDEMPOTENCY, Optional.of(migration), migration.up(), db);
                results.add(result);
                if (result.failed()) {
                    scratch.drop(db);
                    db = scratch.create();
                    for (Migration earlier : migrations.subList(0, i + 1)) {
                        run(earlier.up(), db);
                    }
                }
            }
        }
        return results;
    }

    /**
     * Checks that every versioned migration of an engine's chain is idempotent when the engine itself runs it twice:
     * in one database, for each migration in order, the engine migrates to it, then {@linkplain MigrationEngine#forget
     * forgets} it and migrates to it again, which must succeed and change nothing (the engine's history tables left out
     * of the comparison). With the real Flyway ({@link FlywaySettings#engine()}) placeholders, callbacks and Java
     * migrations run as in production. After a migration that fails, the walk goes on in a new database migrated to
     * it. The walk starts without the chain's baselines ({@link MigrationEngine#withoutBaselines()}), so that every
     * versioned migration runs.
     *
     * @param engine the engine of the chain
     * @return one result per migration, in order: {@link Kind#MIGRATION_IDEMPOTENCY}, with the comparison
     *     ({@link Step#SECOND_RUN}) that found differences, or the second run's failure
     * @throws DriftlessException when a migration fails the first time it runs
     */
    public List<CheckResult> migrationIdempotency(MigrationEngine engine) {
        MigrationEngine walking = engine.withoutBaselines().withDatabaseLabel(DATABASE_LABEL);
        List<String> history = engine.historyTables();
        List<CheckResult> results = new ArrayList<>();
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            List<Migration> migrations = walking.migrations(db);
            for (int i = 0; i < migrations.size(); i++) {
                Migration migration = migrations.get(i);
                progress.accept("Idempotency " + (i + 1) + "/" + migrations.size() + ": running " + migration
                        + " twice" + through(engine) + " ...");
                Database at = db;
                walking.migrate(at, migration.version());
                CheckResult result = runAgain(Kind.MIGRATION_IDEMPOTENCY, Optional.of(migration), at, history, () -> {
                    walking.forget(at, migration);
                    walking.migrate(at, migration.version());
                });
                results.add(result);
                if (result.failed()) {
                    scratch.drop(db);
                    db = scratch.create();
                    walking.migrate(db, migration.version());
                }
            }
        }
        return results;
    }

    /**
     * Checks that migrating keeps data: migrates a new database to one version, loads rows, counts each table's rows,
     * migrates on and counts again (with the given query for a table the chain renames, splits or filters).
     *
     * @param chain the chain
     * @param from the version to load the rows at
     * @param to the version to migrate to afterwards
     * @param load loads the rows into the database (e.g. a fixture through the seeder)
     * @param tables the tables loaded, e.g. {@code schema.table} or {@code table} as the loader names them
     * @param countQueries table → a query returning one number that counts its rows after migrating
     * @return the counts and the verdict: {@link Verdict#FAILED} when a table has fewer rows or cannot be counted
     * @throws DriftlessException when migrating, loading or the first count fails
     */
    public DataPreservation dataPreservation(MigrationChain chain, MigrationVersion from, MigrationVersion to,
            Consumer<Database> load, List<String> tables, Map<String, String> countQueries) {
        return dataPreservation(MigrationEngine.driftless(chain), from, to, load, tables, countQueries);
    }

    /**
     * Checks that migrating with an engine keeps data, as {@link #dataPreservation(MigrationChain, MigrationVersion,
     * MigrationVersion, Consumer, List, Map)} does.
     *
     * @param engine the engine of the chain
     * @param from the version to load the rows at
     * @param to the version to migrate to afterwards
     * @param load loads the rows into the database
     * @param tables the tables loaded
     * @param countQueries table → a query returning one number that counts its rows after migrating
     * @return the counts and the verdict
     * @throws DriftlessException when migrating, loading or the first count fails
     */
    public DataPreservation dataPreservation(MigrationEngine engine, MigrationVersion from, MigrationVersion to,
            Consumer<Database> load, List<String> tables, Map<String, String> countQueries) {
        MigrationEngine migrating = engine.withDatabaseLabel(DATABASE_LABEL);
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            migrating.migrate(db, from);
            load.accept(db);
            List<Long> before = new ArrayList<>();
            for (String table : tables) {
                try {
                    before.add(count(db, "SELECT count(*) FROM " + qualified(table)));
                } catch (SQLException e) {
                    throw new DriftlessException("Cannot count the rows loaded into " + table + ": "
                            + ServerError.of(e).summary(), e);
                }
            }
            progress.accept("Loaded " + String.join(", ", tables) + " at " + from + ", migrating to " + to + " ...");
            migrating.migrate(db, to);
            List<DataPreservation.TableRows> rows = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                String table = tables.get(i);
                Optional<String> query = Optional.ofNullable(countQueries.get(table));
                OptionalLong after = OptionalLong.empty();
                Optional<ServerError> error = Optional.empty();
                try {
                    after = OptionalLong.of(count(db, query.orElse("SELECT count(*) FROM " + qualified(table))));
                } catch (SQLException e) {
                    error = Optional.of(ServerError.of(e));
                }
                rows.add(new DataPreservation.TableRows(table, before.get(i), after, query, error));
            }
            boolean lost = rows.stream().anyMatch(DataPreservation.TableRows::lost);
            return new DataPreservation(lost ? Verdict.FAILED : Verdict.PASSED, from, to, rows);
        }
    }

    /** Runs a script a second time on the database it ran on, and compares the schema with the one after the first. */
    private CheckResult runAgain(Kind kind, Optional<Migration> migration, SqlScript script, Database db) {
        return runAgain(kind, migration, db, List.of(Migrator.DEFAULT_HISTORY_TABLE), () -> run(script, db));
    }

    /** Runs something a second time on a database, and compares the schema with the one before the second run. */
    private CheckResult runAgain(Kind kind, Optional<Migration> migration, Database db, List<String> historyTables,
            Runnable secondRun) {
        SchemaSnapshot first = inspect(db);
        Failure failure = step(Step.SECOND_RUN, secondRun);
        if (failure != null) {
            return new CheckResult(kind, Verdict.FAILED, migration, List.of(), Optional.of(failure));
        }
        Comparison comparison = compare(Step.SECOND_RUN, first, inspect(db), historyTables);
        boolean same = comparison.diff().isEmpty();
        List<Comparison> kept = same && migration.isPresent() ? List.of() : List.of(comparison);
        return new CheckResult(kind, same ? Verdict.PASSED : Verdict.FAILED, migration, kept, Optional.empty());
    }

    /** Runs one step whose failure is a verdict rather than broken input; returns the failure, or {@code null}. */
    private static Failure step(Step step, Runnable action) {
        try {
            action.run();
            return null;
        } catch (DriftlessException e) {
            return new Failure(step, e);
        }
    }

    private Comparison compare(Step step, SchemaSnapshot from, SchemaSnapshot to, List<String> historyTables) {
        return new Comparison(step, from, to,
                SchemaDiff.between(from, to, options.withHistoryTables(historyTables.toArray(String[]::new))));
    }

    /** @return how the progress line names an engine other than Driftless's own runner, e.g. {@code , Flyway 13.12.1} */
    private static String through(MigrationEngine engine) {
        return engine instanceof DriftlessEngine ? "" : ", " + engine.name();
    }

    private static void keepIfDifferent(List<Comparison> differences, Comparison comparison) {
        if (!comparison.diff().isEmpty()) {
            differences.add(comparison);
        }
    }

    private SchemaSnapshot inspect(Database db) {
        return SchemaInspector.create(filter).inspect(db);
    }

    private static ScriptResult run(SqlScript script, Database db) {
        try (Connection connection = db.connect()) {
            return ScriptRunner.create().run(script, connection);
        } catch (SQLException e) {
            throw new DriftlessException("Cannot connect to " + DATABASE_LABEL + " " + db.name() + ": "
                    + ServerError.of(e).summary(), e);
        }
    }

    private static long count(Database db, String query) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String qualified(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? Quote.identifier(table) : Quote.qualified(table.substring(0, dot), table.substring(dot + 1));
    }
}
