package dev.driftless.junit;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The copy of a template held for one test (or one class) in an {@link ExtensionContext.Store}; dropped when the store
 * closes, unless kept for a failed test.
 */
@SuppressWarnings("deprecation") // CloseableResource: still honoured by JUnit versions that ignore AutoCloseable values
final class DatabaseHandle implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final PostgresServer server;
    private final TestDatabase testDatabase;
    private final AtomicBoolean kept = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean borrowed;

    DatabaseHandle(PostgresServer server, Database database, String template, List<String> historyTables) {
        this(server, database, template, historyTables, false);
    }

    private DatabaseHandle(PostgresServer server, Database database, String template, List<String> historyTables,
            boolean borrowed) {
        this.server = server;
        this.testDatabase = new TestDatabase(database, server, template, historyTables);
        this.borrowed = borrowed;
    }

    /**
     * Wraps a database another framework created for the test and drops itself; closing this handle leaves it alone.
     * Its seeds' aliases are not carried over (the other framework built its template).
     *
     * @param server the server it lives on
     * @param database the database
     * @param historyTables the migration engine's history tables, left out of snapshots
     * @return the handle
     */
    static DatabaseHandle borrowed(PostgresServer server, Database database, List<String> historyTables) {
        return new DatabaseHandle(server, database, null, historyTables, true);
    }

    TestDatabase testDatabase() {
        return testDatabase;
    }

    Database database() {
        return testDatabase.database();
    }

    /**
     * Keeps the database after the test, for a person to inspect.
     *
     * @return {@code true} the first time
     */
    boolean keep() {
        if (kept.compareAndSet(false, true)) {
            server.keep(testDatabase.database());
            return true;
        }
        return false;
    }

    /** @return the connection string without password: JDBC URL and user */
    String connectionString() {
        return testDatabase.jdbcUrl() + "?user=" + testDatabase.user();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && !kept.get() && !borrowed) {
            server.dropInBackground(testDatabase.database());
        }
    }
}
