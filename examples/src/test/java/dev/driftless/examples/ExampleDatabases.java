package dev.driftless.examples;

import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.TemplateKey;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ExampleDatabases} is the little plumbing the examples share, written with the core API only: a database
 * built from a master schema (through a template, so each test gets a copy in milliseconds), a database migrated
 * along a chain, and a snapshot diff that ignores migration history tables. With {@code @MigratedDatabase} and the
 * AssertJ schema assertions each of these becomes an annotation or a one-liner.
 */
public final class ExampleDatabases {

    private ExampleDatabases() {
    }

    /**
     * @return the shared server: as configured ({@code DRIFTLESS_PROVIDER}, {@code DRIFTLESS_POSTGRES_IMAGE}, ...),
     *     embedded unless a provider is named, so the examples run the same with or without Docker
     */
    public static PostgresServer server() {
        ServerConfig config = ServerConfig.fromEnvironment();
        return PostgresServer.shared(config.provider() == ProviderKind.AUTO ? config.withProvider(ProviderKind.EMBEDDED)
                : config);
    }

    /**
     * A new database holding a master schema, copied from a template built once per script content.
     *
     * @param script the schema
     * @return the database; drop it with {@link #drop(Database)}
     */
    public static Database fromScript(SqlScript script) {
        TemplateKey key = TemplateKey.builder().add(script.name(), script.content()).build();
        return server().templates().get(key, db -> run(script, db)).newDatabase();
    }

    /**
     * A new database migrated along a chain to its latest version.
     *
     * @param chain the chain
     * @return the database; drop it with {@link #drop(Database)}
     */
    public static Database migrated(MigrationChain chain) {
        Database db = server().createDatabase();
        Migrator.of(chain, db).migrateToLatest();
        return db;
    }

    /**
     * Runs a script on a database.
     *
     * @param script the script
     * @param db the database
     */
    public static void run(SqlScript script, Database db) {
        try (Connection c = db.connect()) {
            ScriptRunner.create().run(script, c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param db a database
     * @return its schema
     */
    public static SchemaSnapshot snapshot(Database db) {
        return SchemaInspector.create().inspect(db);
    }

    /**
     * The differences from one database's schema to another's, migration history tables left out.
     *
     * @param expected e.g. the fresh install
     * @param actual e.g. the migrated database
     * @return the diff
     */
    public static SchemaDiff diff(Database expected, Database actual) {
        return SchemaDiff.between(snapshot(expected), snapshot(actual),
                DiffOptions.defaults().ignoringTables(DiffOptions.HISTORY_TABLES));
    }

    /**
     * Applies and reverts, one by one, every migration of a chain that has a down script, in a new database, and
     * compares the schema before the migration with the schema after its down script.
     *
     * @param chain the chain
     * @return one entry per migration whose down script does not restore the schema: its version and the differences
     *     (- before up, + after down); empty when every down script reverts its migration
     */
    public static List<String> irreversibleMigrations(MigrationChain chain) {
        List<String> problems = new ArrayList<>();
        List<Database> used = new ArrayList<>();
        try {
            Database db = server().createDatabase();
            used.add(db);
            Migrator migrator = Migrator.of(chain, db);
            MigrationVersion previous = MigrationVersion.EMPTY;
            for (Migration migration : chain.migrations()) {
                if (migration.down().isPresent()) {
                    SchemaSnapshot before = snapshot(db);
                    migrator.migrateTo(migration.version());
                    migrator.migrateTo(previous);
                    SchemaDiff diff = SchemaDiff.between(before, snapshot(db),
                            DiffOptions.defaults().ignoringTables(DiffOptions.HISTORY_TABLES));
                    if (!diff.isEmpty()) {
                        problems.add("migration " + migration.version() + " (" + migration.description() + "): "
                                + diff.toText());
                        // This database is in a state no version describes: go on with a new one.
                        db = server().createDatabase();
                        used.add(db);
                        migrator = Migrator.of(chain, db);
                    }
                }
                migrator.migrateTo(migration.version());
                previous = migration.version();
            }
        } finally {
            used.forEach(ExampleDatabases::drop);
        }
        return problems;
    }

    /**
     * Drops a database this class made.
     *
     * @param db the database, may be {@code null}
     */
    public static void drop(Database db) {
        if (db != null) {
            server().drop(db);
        }
    }
}
