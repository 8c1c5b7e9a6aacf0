package dev.driftless.cli.internal;

import dev.driftless.DriftlessException;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Verification} runs the checks of {@code driftless verify} on a workbench:
 * <ol>
 * <li>fresh install ≡ migrated path: the master schema in one new database, the whole chain in another, compared;</li>
 * <li>reversibility: in a third database, each migration with a down script is applied, reverted and applied again;
 * the schema after reverting must equal the schema before applying;</li>
 * <li>idempotency ({@code --idempotent}): the master schema run a second time must succeed and change nothing.</li>
 * </ol>
 * A master schema or up migration that fails is bad input (a {@link DriftlessException} with file and line); a down
 * script that fails is a failed reversibility check.
 */
final class Verification {

    private final Workbench workbench;
    private final SqlScript schema;
    private final MigrationChain chain;
    private final boolean reversibility;
    private final boolean idempotency;
    private final SchemaInspector inspector;
    private final DiffOptions options;
    private final List<Check> checks = new ArrayList<>();

    Verification(Workbench workbench, SqlScript schema, MigrationChain chain, boolean reversibility, boolean idempotency,
            SchemaFilter filter, DiffOptions options) {
        this.workbench = workbench;
        this.schema = schema;
        this.chain = chain;
        this.reversibility = reversibility;
        this.idempotency = idempotency;
        this.inspector = SchemaInspector.create(filter);
        this.options = options;
    }

    VerifyReport run(String schemaLabel, String chainLabel) {
        long started = System.nanoTime();
        PostgresServer server = workbench.server();
        String serverLabel = "PostgreSQL " + server.version() + " (" + server.provider().name().toLowerCase(Locale.ROOT) + ")";

        SchemaSnapshot fresh = null;
        Database freshDb = null;
        if (schema != null) {
            freshDb = workbench.newDatabase();
            Console.progress("Applying the master schema " + schema.name() + " to a fresh database ...");
            var result = Workbench.run(schema, freshDb);
            Console.progress("  " + result.statementCount() + " statements in " + result.duration().toMillis() + " ms");
            fresh = inspector.inspect(freshDb);
        }
        if (chain != null) {
            Database migratedDb = workbench.newDatabase();
            Console.progress("Migrating a fresh database along " + chain.location() + " (" + chain.migrations().size()
                    + " migrations) ...");
            Migrator.of(chain, migratedDb).withDatabaseLabel("the scratch database").migrateToLatest();
            SchemaSnapshot migrated = inspector.inspect(migratedDb);
            if (fresh != null) {
                checks.add(Check.compare("fresh install ≡ migrated path", SchemaDiff.between(fresh, migrated, options),
                        "the master schema and the migration chain (up to " + chain.latestVersion()
                                + ") build the same schema: " + size(fresh),
                        "the migration chain (up to " + chain.latestVersion() + ") builds another schema than the "
                                + "master schema (- master schema, + migrated)"));
            }
            if (reversibility) {
                checkReversibility();
            }
        }
        if (idempotency && schema != null) {
            checkIdempotency(freshDb, fresh);
        }
        return new VerifyReport(schemaLabel, chainLabel, serverLabel, checks,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void checkReversibility() {
        Database db = workbench.newDatabase();
        Migrator migrator = Migrator.of(chain, db).withDatabaseLabel("the scratch database");
        MigrationVersion previous = MigrationVersion.EMPTY;
        SchemaSnapshot before = inspector.inspect(db);
        boolean anyDown = false;
        for (Migration migration : chain.migrations()) {
            MigrationVersion version = migration.version();
            String title = "migration " + version + " (" + migration.description() + ") reverts";
            if (migration.down().isEmpty()) {
                migrator.migrateTo(version);
                before = null;
                previous = version;
                continue;
            }
            anyDown = true;
            if (before == null) {
                before = inspector.inspect(db);
            }
            migrator.migrateTo(version);
            SchemaSnapshot after = inspector.inspect(db);
            Console.progress("Applying and reverting " + version + " (" + migration.description() + ") ...");
            Check check = revert(db, migrator, migration, previous, before, title);
            checks.add(check);
            if (check.status() == Check.Status.PASSED) {
                try {
                    migrator.migrateTo(version);
                } catch (DriftlessException e) {
                    checks.set(checks.size() - 1, Check.failed(title, "it reverts, but applying it again after "
                            + "reverting fails", e.getMessage()));
                }
            }
            if (checks.get(checks.size() - 1).status() == Check.Status.FAILED) {
                // The database is in a state no chain version describes: continue on a new one.
                db = workbench.newDatabase();
                migrator = Migrator.of(chain, db).withDatabaseLabel("the scratch database");
                migrator.migrateTo(version);
            }
            before = after;
            previous = version;
        }
        if (!anyDown) {
            checks.add(Check.skipped("reversibility", "no migration of " + chain.location() + " has a down script"));
        }
    }

    private Check revert(Database db, Migrator migrator, Migration migration, MigrationVersion previous, SchemaSnapshot before,
            String title) {
        try {
            migrator.migrateTo(previous);
        } catch (DriftlessException e) {
            return Check.failed(title, "its down script " + migration.down().get().name() + " fails", e.getMessage());
        }
        SchemaDiff diff = SchemaDiff.between(before, inspector.inspect(db), options);
        return Check.compare(title, diff, "up then down gives back the schema of version " + previous,
                "up then down does not give back the schema of version " + previous + " (- before up, + after down)");
    }

    private void checkIdempotency(Database freshDb, SchemaSnapshot once) {
        String title = "master schema is idempotent";
        Console.progress("Applying the master schema " + schema.name() + " a second time ...");
        try {
            Workbench.run(schema, freshDb);
        } catch (DriftlessException e) {
            checks.add(Check.failed(title, "running " + schema.name() + " a second time fails", e.getMessage()));
            return;
        }
        SchemaDiff diff = SchemaDiff.between(once, inspector.inspect(freshDb), options);
        checks.add(Check.compare(title, diff, "running it a second time succeeds and changes nothing",
                "running it a second time changes the schema (- after one run, + after two)"));
    }

    private static String size(SchemaSnapshot snapshot) {
        return count(snapshot.tables().size(), "table") + ", " + count(snapshot.views().size(), "view") + ", "
                + count(snapshot.functions().size(), "function");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
