package dev.driftless.internal.migration;

import dev.driftless.migration.AppliedMigration;
import dev.driftless.migration.AppliedMigration.State;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.sql.Quote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code HistoryTable} reads and writes the migration history table of one database. Rows are the migrations that are
 * applied now (migrating down deletes a migration's row), and those that ran outside a transaction and did not end
 * cleanly ({@code success = false}, with a {@code state} saying how).
 *
 * <p>The {@code state} column came after the others: tables written before it are read as they are (a row's state
 * follows from {@code success}), and the column is added with {@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS} the
 * first time such a table is migrated. Versions before it read the new tables too: they see the extra column's rows
 * with {@code success = false} as failed and refuse to continue, which is the safe reading.
 */
public final class HistoryTable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.driftless.migration.Migrator");

    private final String name;

    private HistoryTable(String name) {
        this.name = name;
    }

    /**
     * Resolves the table name; an unqualified name is qualified with the connection's current schema, so that
     * migrations changing {@code search_path} do not move the history.
     *
     * @param configured the configured name, {@code table} or {@code schema.table}
     * @param connection a connection to the database
     * @return the table
     * @throws SQLException when the server cannot be asked
     */
    public static HistoryTable resolve(String configured, Connection connection) throws SQLException {
        String[] parts = configured.split("\\.", -1);
        if (parts.length == 2) {
            return new HistoryTable(Quote.qualified(parts[0], parts[1]));
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            return new HistoryTable(Quote.qualified(schema == null ? "public" : schema, configured));
        }
    }

    /**
     * @param name a history table name as configured
     * @throws IllegalArgumentException when it is not {@code table} or {@code schema.table}
     */
    public static void check(String name) {
        String[] parts = name.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty() || parts.length > 2) {
                throw new IllegalArgumentException("'" + name + "' is not a history table name: write table or"
                        + " schema.table, e.g. driftless_schema_history or app.schema_history");
            }
        }
    }

    /** @return the qualified, quoted name */
    public String name() {
        return name;
    }

    /**
     * Waits for the advisory lock that keeps two migrators of this table apart, session-wide. When another migrator
     * holds it, says so at INFO before waiting.
     *
     * @param connection the migrator's connection
     * @throws SQLException when the server refuses
     */
    public void lock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            ps.setString(1, "driftless:" + name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
        }
        LOG.info("Waiting for another migrator of {} in database {} to finish (it holds the migration lock)", name,
                connection.getCatalog());
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
            ps.setString(1, "driftless:" + name);
            ps.execute();
        }
    }

    /**
     * Releases {@link #lock(Connection)}.
     *
     * @param connection the migrator's connection
     * @throws SQLException when the server refuses
     */
    public void unlock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            ps.setString(1, "driftless:" + name);
            ps.execute();
        }
    }

    /**
     * @param connection a connection
     * @return whether the table exists
     * @throws SQLException when the server cannot be asked
     */
    public boolean exists(Connection connection) throws SQLException {
        return shape(connection) != Shape.ABSENT;
    }

    private enum Shape { ABSENT, WITHOUT_STATE, CURRENT }

    private Shape shape(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL, EXISTS (SELECT 1"
                + " FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'state' AND NOT attisdropped)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1) ? Shape.ABSENT : rs.getBoolean(2) ? Shape.CURRENT : Shape.WITHOUT_STATE;
            }
        }
    }

    /**
     * Creates the table unless it exists, and adds the {@code state} column to a table written before it existed.
     *
     * @param connection a connection in autocommit
     * @throws SQLException when the server refuses
     */
    public void create(Connection connection) throws SQLException {
        Shape shape = shape(connection);
        try (Statement st = connection.createStatement()) {
            if (shape == Shape.ABSENT) {
                st.execute("CREATE TABLE IF NOT EXISTS " + name + " (\n"
                        + "  installed_rank integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
                        + "  version text,\n"
                        + "  description text NOT NULL,\n"
                        + "  type text NOT NULL CHECK (type IN ('versioned', 'repeatable')),\n"
                        + "  script text NOT NULL,\n"
                        + "  checksum text NOT NULL,\n"
                        + "  applied_at timestamptz NOT NULL DEFAULT now(),\n"
                        + "  duration_ms bigint NOT NULL,\n"
                        + "  success boolean NOT NULL,\n"
                        + "  state text\n"
                        + ")");
            } else if (shape == Shape.WITHOUT_STATE) {
                st.execute("ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS state text");
                LOG.info("Added the column state to the history table {} (written by an earlier version)", name);
            }
        }
    }

    /**
     * @param connection a connection
     * @return every row, oldest first; empty when the table does not exist
     * @throws SQLException when the server refuses
     */
    public List<AppliedMigration> rows(Connection connection) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        Shape shape = shape(connection);
        if (shape == Shape.ABSENT) {
            return rows;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT installed_rank, version, description, type, script, checksum,"
                     + " applied_at, duration_ms, success, " + (shape == Shape.CURRENT ? "state" : "NULL")
                     + " FROM " + name + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(2);
                boolean success = rs.getBoolean(9);
                rows.add(new AppliedMigration(rs.getInt(1),
                        version == null ? MigrationVersion.EMPTY : MigrationVersion.parse(version),
                        rs.getString(3), "repeatable".equals(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), Duration.ofMillis(rs.getLong(8)), success,
                        State.of(rs.getString(10), success)));
            }
        }
        return rows;
    }

    /**
     * Records a migration.
     *
     * @param connection a connection (in the migration's transaction, if it has one)
     * @param version the version, {@link MigrationVersion#EMPTY} for a repeatable migration
     * @param description the description
     * @param script the script's name
     * @param checksum the script's checksum
     * @param duration how long it took
     * @param state {@link State#APPLIED}, or {@link State#STARTED} for a migration about to run outside a transaction
     * @return the row's rank
     * @throws SQLException when the server refuses
     */
    public int insert(Connection connection, MigrationVersion version, String description, String script,
                      String checksum, Duration duration, State state) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + name
                + " (version, description, type, script, checksum, duration_ms, success, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING installed_rank")) {
            boolean repeatable = version.equals(MigrationVersion.EMPTY);
            ps.setString(1, repeatable ? null : version.toString());
            ps.setString(2, description);
            ps.setString(3, repeatable ? "repeatable" : "versioned");
            ps.setString(4, script);
            ps.setString(5, checksum);
            ps.setLong(6, duration.toMillis());
            ps.setBoolean(7, state == State.APPLIED);
            ps.setString(8, state.columnValue());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Deletes a row.
     *
     * @param connection a connection
     * @param rank the row's rank
     * @throws SQLException when the server refuses
     */
    public void delete(Connection connection, int rank) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + name + " WHERE installed_rank = ?")) {
            ps.setInt(1, rank);
            ps.executeUpdate();
        }
    }

    /**
     * Sets a row's state (and {@code success} with it).
     *
     * @param connection a connection
     * @param rank the row's rank
     * @param state the new state
     * @throws SQLException when the server refuses
     */
    public void setState(Connection connection, int rank, State state) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name
                + " SET success = ?, state = ? WHERE installed_rank = ?")) {
            ps.setBoolean(1, state == State.APPLIED);
            ps.setString(2, state.columnValue());
            ps.setInt(3, rank);
            ps.executeUpdate();
        }
    }

    /**
     * Records how a migration that ran outside a transaction ended.
     *
     * @param connection a connection
     * @param rank the row written when it started
     * @param duration how long it took
     * @param state {@link State#APPLIED} or {@link State#FAILED}
     * @throws SQLException when the server refuses
     */
    public void finish(Connection connection, int rank, Duration duration, State state) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name
                + " SET success = ?, state = ?, duration_ms = ? WHERE installed_rank = ?")) {
            ps.setBoolean(1, state == State.APPLIED);
            ps.setString(2, state.columnValue());
            ps.setLong(3, duration.toMillis());
            ps.setInt(4, rank);
            ps.executeUpdate();
        }
    }

    /**
     * @param ranks the ranks of one or more rows
     * @return the statement that deletes those rows, for a message telling how to repair, e.g.
     *     {@code DELETE FROM "public"."driftless_schema_history" WHERE installed_rank = 2;}
     */
    public String deleteStatement(List<Integer> ranks) {
        return "DELETE FROM " + name + " WHERE installed_rank " + (ranks.size() == 1 ? "= " + ranks.get(0)
                : "IN (" + ranks.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ")") + ";";
    }

    /**
     * Deletes the rows of every repeatable migration, so that they run again.
     *
     * @param connection a connection
     * @throws SQLException when the server refuses
     */
    public void forgetRepeatables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM " + name + " WHERE type = 'repeatable'");
        }
    }
}
