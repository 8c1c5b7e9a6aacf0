package dev.driftless.junit;

import dev.driftless.DriftlessException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A connection injected into a test, closed with the store of the context that asked for it. */
@SuppressWarnings("deprecation") // CloseableResource: still honoured by JUnit versions that ignore AutoCloseable values
final class ConnectionHandle implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Connection connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    ConnectionHandle(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new DriftlessException("Cannot close a test's connection: " + e.getMessage(), e);
            }
        }
    }
}
