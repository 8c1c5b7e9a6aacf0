package dev.driftless.internal.server;

import dev.driftless.DriftlessException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A small pool of administrative connections to a server's admin database, so that creating and dropping databases
 * does not pay for a login each time.
 */
public final class AdminConnections implements AutoCloseable {

    private static final int MAX_IDLE = 8;

    private final SimpleDataSource dataSource;
    private final String description;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * @param handle the server
     */
    public AdminConnections(ServerHandle handle) {
        this.dataSource = new SimpleDataSource(handle.url(), handle.user(), handle.password());
        this.description = handle.description();
    }

    /** Work done on an admin connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param connection an open connection in auto-commit mode
         * @return the result
         * @throws SQLException passed on to the caller
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work on a pooled connection; a connection that failed is discarded rather than returned.
     *
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     * @throws SQLException from the work
     */
    public <T> T with(Work<T> work) throws SQLException {
        if (closed) {
            throw new DriftlessException("The server " + description + " has been closed.");
        }
        Connection connection = idle.pollFirst();
        if (connection == null) {
            connection = dataSource.getConnection();
        }
        boolean healthy = false;
        try {
            T result = work.run(connection);
            healthy = true;
            return result;
        } finally {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
            } else {
                closeQuietly(connection);
            }
        }
    }

    /**
     * Opens a session of its own, outside the pool, for the caller to close.
     *
     * @return the session
     * @throws SQLException when the server refuses it
     */
    public Connection open() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection);
        }
    }

    /**
     * Closes a session, ignoring failures.
     *
     * @param connection the session
     */
    public void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a broken admin connection cannot fail in a way a user could act on.
        }
    }
}
