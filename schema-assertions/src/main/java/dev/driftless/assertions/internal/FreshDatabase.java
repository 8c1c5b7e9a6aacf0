package dev.driftless.assertions.internal;

import dev.driftless.migration.Migration;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.TemplateKey;
import dev.driftless.template.Templates;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code FreshDatabase} is a new, empty database on a server for one migration check (a clone of an empty template),
 * dropped on {@link #close()}.
 */
public final class FreshDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final Database database;

    // A clone of an empty template, not CREATE DATABASE: the template machinery keeps copies ready ahead of demand,
    // which makes the several databases a long chain's checks need cheap.
    private static final TemplateKey EMPTY = TemplateKey.builder().add("driftless-assertions", "empty database").build();

    private FreshDatabase(PostgresServer server) {
        this.server = server;
        this.database = Templates.of(server).get(EMPTY, db -> { }).newDatabase();
    }

    /**
     * Creates a new empty database.
     *
     * @param server the server
     * @return the database, to close
     */
    public static FreshDatabase on(PostgresServer server) {
        return new FreshDatabase(server);
    }

    /** @return the database */
    public Database database() {
        return database;
    }

    /** @return a snapshot of its schema now */
    public SchemaSnapshot snapshot() {
        return SchemaInspector.create().inspect(database);
    }

    /**
     * Runs a script directly (no history table).
     *
     * @param script the script
     */
    public void run(SqlScript script) {
        try (Connection connection = database.connect()) {
            ScriptRunner.create().run(script, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + database.name() + ": [" + e.getSQLState() + "] "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs the up scripts of migrations directly, in order.
     *
     * @param migrations the migrations
     */
    public void runUp(List<Migration> migrations) {
        migrations.forEach(m -> run(m.up()));
    }

    @Override
    public void close() {
        server.drop(database);
    }
}
