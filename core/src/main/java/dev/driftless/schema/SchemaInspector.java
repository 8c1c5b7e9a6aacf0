package dev.driftless.schema;

import dev.driftless.DriftlessException;
import dev.driftless.sql.ServerError;
import dev.driftless.internal.schema.CatalogQueries;
import dev.driftless.internal.schema.CatalogReader;
import dev.driftless.server.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code SchemaInspector} reads a database's schema into a {@link SchemaSnapshot} with a handful of set-based catalog
 * queries (one per object kind, whatever the number of tables), chosen for the server's major version (14 and later).
 *
 * <pre>{@code
 * SchemaSnapshot schema = SchemaInspector.create().inspect(database);
 * SchemaSnapshot billing = SchemaInspector.create(SchemaFilter.all().schemas("billing")).inspect(connection);
 * }</pre>
 *
 * <p>Reading is consistent (one read-only, repeatable-read transaction) and leaves the connection as it found it.
 * Objects created by extensions are left out: the {@link Extension} stands for them. Immutable and thread-safe.
 */
public final class SchemaInspector {

    private static final Map<String, String> STABLE_SETTINGS = Map.of(
            "search_path", "pg_catalog",
            "TimeZone", "UTC",
            "DateStyle", "ISO, YMD",
            "IntervalStyle", "postgres",
            "extra_float_digits", "1");

    private final SchemaFilter filter;

    private SchemaInspector(SchemaFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** @return an inspector that reads every non-system schema and every kind of object */
    public static SchemaInspector create() {
        return new SchemaInspector(SchemaFilter.all());
    }

    /**
     * Returns an inspector that reads what a filter lets through.
     *
     * @param filter the filter
     * @return the inspector
     */
    public static SchemaInspector create(SchemaFilter filter) {
        return new SchemaInspector(filter);
    }

    /** @return the filter this inspector applies */
    public SchemaFilter filter() {
        return filter;
    }

    /**
     * Reads the schema of a database, on a connection of its own.
     *
     * @param database the database
     * @return the snapshot, never {@code null}
     * @throws DriftlessException when the database cannot be reached or read
     */
    public SchemaSnapshot inspect(Database database) {
        try (Connection connection = database.connect()) {
            return inspect(connection);
        } catch (SQLException e) {
            throw failure("connect to database " + database.name(), e);
        }
    }

    /**
     * Reads the schema through a connection, which stays open and unchanged: in auto-commit mode the reading runs in
     * a transaction of its own; inside the caller's transaction, it sees what that transaction sees.
     *
     * @param connection an open connection to PostgreSQL 14 or later
     * @return the snapshot, never {@code null}
     * @throws DriftlessException when the server is older than 14 or a catalog query fails
     */
    public SchemaSnapshot inspect(Connection connection) {
        try {
            int major = majorVersion(connection);
            if (major < CatalogQueries.OLDEST_SUPPORTED) {
                throw new DriftlessException("Cannot read the schema: the server runs PostgreSQL " + major
                        + ", and Driftless reads schemas of PostgreSQL " + CatalogQueries.OLDEST_SUPPORTED
                        + " and later. Use a newer server.");
            }
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
                try {
                    execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    return readWithCatalogSearchPath(connection, major);
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
            return readWithCatalogSearchPath(connection, major);
        } catch (SQLException e) {
            throw failure("read the catalog", e);
        }
    }

    private SchemaSnapshot readWithCatalogSearchPath(Connection connection, int major) throws SQLException {
        Map<String, String> previous = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN ("
                        + String.join(", ", STABLE_SETTINGS.keySet().stream().map(n -> "'" + n + "'").toList())
                        + ")")) {
            while (rs.next()) {
                previous.put(rs.getString(1), rs.getString(2));
            }
        }
        // With only pg_catalog on the path, PostgreSQL qualifies every other name it prints (types, tables in view
        // definitions, defaults calling functions), so the snapshot does not depend on the session's search_path;
        // fixed time zone and date styles keep printed partition bounds and defaults the same on every machine.
        setLocally(connection, STABLE_SETTINGS);
        try {
            return new CatalogReader(connection, major, filter).read();
        } finally {
            setLocally(connection, previous);
        }
    }

    private static void setLocally(Connection connection, Map<String, String> settings) throws SQLException {
        try (var ps = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                ps.setString(1, setting.getKey());
                ps.setString(2, setting.getValue());
                ps.executeQuery().close();
            }
        }
    }

    private static int majorVersion(Connection connection) throws SQLException {
        return Integer.parseInt(queryString(connection, "SHOW server_version_num")) / 10000;
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static DriftlessException failure(String action, SQLException e) {
        String message = ServerError.of(e).headline();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return new DriftlessException("Cannot " + action + " for a schema snapshot: " + message + ". Check that the user may read the system catalogs and that the server is"
                + " PostgreSQL " + CatalogQueries.OLDEST_SUPPORTED + " or later.", e);
    }
}
