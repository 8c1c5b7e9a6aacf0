package dev.driftless.junit;

import dev.driftless.DriftlessException;
import dev.driftless.junit.internal.PreparedSetup;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptResult;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@code TestDatabase} is the database a {@link MigratedDatabase} test runs against: a copy of the class's template,
 * dropped after the test (or after the class, under {@link Isolation#PER_CLASS}).
 *
 * <pre>{@code
 * @Test
 * void archivesOldBookings(TestDatabase db) {
 *     db.execute("INSERT INTO booking (id, starts_at) VALUES (1, '2020-01-01')");
 *     ...
 *     assertThat(db.snapshot().table("public.booking_archive")).isPresent();
 * }
 * }</pre>
 *
 * <p>{@link #toString()} never shows the password. Thread-safe.
 */
public final class TestDatabase {

    private final Database database;
    private final PostgresServer server;
    private final String template;
    private final List<String> historyTables;
    private volatile Seeder seeder;

    TestDatabase(Database database, PostgresServer server, String template, List<String> historyTables) {
        this.database = Objects.requireNonNull(database, "database");
        this.server = Objects.requireNonNull(server, "server");
        this.template = template;
        this.historyTables = List.copyOf(historyTables);
    }

    /** @return the database name, e.g. {@code driftless_k3j...}, never {@code null} */
    public String name() {
        return database.name();
    }

    /** @return the JDBC URL, without credentials, never {@code null} */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** @return the user to connect as, never {@code null} */
    public String user() {
        return database.user();
    }

    /** @return that user's password; never log it */
    public String password() {
        return database.password();
    }

    /**
     * Returns a data source for this database; each {@code getConnection()} opens a new connection, which the caller
     * closes (connections left open are closed when the database is dropped).
     *
     * @return the data source, never {@code null}
     */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Opens a connection, which the caller closes.
     *
     * @return an open connection
     * @throws SQLException when the server refuses it
     */
    public Connection connect() throws SQLException {
        return database.connect();
    }

    /**
     * Runs SQL: one statement or a psql-compatible script of several, as {@link ScriptRunner} does.
     *
     * @param sql the SQL
     * @return what ran
     * @throws dev.driftless.sql.ScriptException when a statement fails, naming its line and the server's error
     * @throws DriftlessException when no connection can be opened
     */
    public ScriptResult execute(String sql) {
        try (Connection connection = database.connect()) {
            return ScriptRunner.create().run(SqlScript.of("TestDatabase.execute", sql), connection);
        } catch (SQLException e) {
            throw new DriftlessException("Cannot connect to " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the schema as it is now, leaving out the history tables of the engine that built it
     * ({@code MigrationEngine.historyTables()}: {@value Migrator#DEFAULT_HISTORY_TABLE} for Driftless's own runner and
     * a schema script, {@code flyway_schema_history} for Flyway, Liquibase's {@code databasechangelog} tables).
     *
     * @return the snapshot, never {@code null}
     */
    public SchemaSnapshot snapshot() {
        return SchemaInspector.create(SchemaFilter.all().excluding(historyTables)).inspect(database);
    }

    /**
     * Returns the seeder of this database: one per test database, so later loads may refer to aliases of earlier ones.
     * It starts with the aliases of the {@link MigratedDatabase#seed()} fixtures loaded into the template this database
     * is a copy of, so {@code $ref:gateway} and {@code seeder().row("gateway")} find the row a seed aliased
     * {@code gateway}.
     *
     * @return the seeder, never {@code null}
     */
    public Seeder seeder() {
        Seeder current = seeder;
        if (current == null) {
            synchronized (this) {
                if (seeder == null) {
                    seeder = withTemplateAliases(Seeder.on(database));
                }
                current = seeder;
            }
        }
        return current;
    }

    private Seeder withTemplateAliases(Seeder fresh) {
        if (template == null) {
            return fresh;
        }
        try (Connection connection = database.connect()) {
            String aliases = PreparedSetup.keptAliases(connection, template);
            return aliases == null ? fresh : fresh.withAliases(aliases);
        } catch (SQLException e) {
            throw new DriftlessException("Cannot read the aliases of the seeds of template " + template + ": ["
                    + e.getSQLState() + "] " + e.getMessage().strip(), e);
        }
    }

    /** @return the core {@link Database} handle, never {@code null} */
    public Database database() {
        return database;
    }

    /** @return the server this database lives on, never {@code null} */
    public PostgresServer server() {
        return server;
    }

    @Override
    public String toString() {
        return "TestDatabase[" + database.name() + " at " + database.host() + ":" + database.port() + ", user "
                + database.user() + "]";
    }
}
