package dev.driftless.assertions.internal;

import dev.driftless.sql.Quote;
import dev.driftless.DriftlessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code TableContent} is a table's rows as PostgreSQL prints them (text output, time zone UTC), in primary key order
 * when the table has one, with each column's type for reading expected values the same way.
 *
 * @param name the table, schema-qualified
 * @param types column → type as {@code format_type} prints it, in table order
 * @param rows the rows, column → text (or {@code null})
 */
public record TableContent(String name, Map<String, String> types, List<Map<String, String>> rows) {

    /**
     * Reads a table.
     *
     * @param dataSource where
     * @param table the table, as SQL names it ({@code party}, {@code billing.invoice})
     * @return the content
     * @throws DriftlessException when the table does not exist or cannot be read
     */
    public static TableContent read(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            utc(c);
            String qualified;
            try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname || '.' || c.relname FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new DriftlessException("Cannot read table " + table + ": there is no such table in"
                                + " database " + c.getCatalog() + " (search_path " + searchPath(c) + "). Check the"
                                + " name, or qualify it with its schema.");
                    }
                    qualified = rs.getString(1);
                }
            }
            Map<String, String> types = new LinkedHashMap<>();
            List<String> key = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                    + " array_position(i.indkey::int2[], a.attnum) FROM pg_attribute a LEFT JOIN pg_index i"
                    + " ON i.indrelid = a.attrelid AND i.indisprimary WHERE a.attrelid = to_regclass(?)"
                    + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
                ps.setString(1, qualified);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<Integer, String> keyColumns = new java.util.TreeMap<>();
                    while (rs.next()) {
                        types.put(rs.getString(1), rs.getString(2));
                        if (rs.getObject(3) != null) {
                            keyColumns.put(rs.getInt(3), rs.getString(1));
                        }
                    }
                    key.addAll(keyColumns.values());
                }
            }
            String order = key.isEmpty() ? "" : " ORDER BY " + key.stream().map(Quote::identifier)
                    .collect(Collectors.joining(", "));
            List<Map<String, String>> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT "
                    + types.keySet().stream().map(Quote::identifier).collect(Collectors.joining(", "))
                    + " FROM " + qualifiedSql(qualified) + order)) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    int i = 1;
                    for (String column : types.keySet()) {
                        row.put(column, rs.getString(i++));
                    }
                    rows.add(Collections.unmodifiableMap(row));
                }
            }
            return new TableContent(qualified, Collections.unmodifiableMap(types), List.copyOf(rows));
        } catch (SQLException e) {
            throw new DriftlessException("Cannot read table " + table + ": [" + e.getSQLState() + "] "
                    + e.getMessage().strip(), e);
        }
    }

    /**
     * Reads expected values the way the server would store them in a column, {@code CAST(value AS type)}, read back as
     * the table is read, so {@code 2025-01-19T10:00:00Z} compares with {@code 2025-01-19 10:00:00+00} and {@code true}
     * with {@code t}.
     *
     * @param dataSource where
     * @param column the column, for messages
     * @param type the column's type
     * @param values the texts
     * @return text → canonical text
     * @throws DriftlessException when a value is not valid input for the type, naming the column and value
     */
    public static Map<String, String> canonical(DataSource dataSource, String column, String type,
            java.util.Collection<String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return result;
        }
        try (Connection c = dataSource.getConnection()) {
            utc(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS " + type + ")")) {
                for (String value : values) {
                    ps.setString(1, value);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        result.put(value, rs.getString(1));
                    } catch (SQLException e) {
                        throw new DriftlessException("The expected value \"" + value + "\" of column " + column
                                + " is not a valid " + type + ": [" + e.getSQLState() + "] " + e.getMessage().strip()
                                + ". Write it as PostgreSQL accepts it, or match it with a placeholder ($any,"
                                + " $notNull, $regex:...).", e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DriftlessException("Cannot read expected values of column " + column + ": ["
                    + e.getSQLState() + "] " + e.getMessage().strip(), e);
        }
        return result;
    }

    private static void utc(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
        }
    }

    private static String searchPath(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String qualifiedSql(String qualified) {
        int dot = qualified.indexOf('.');
        return Quote.qualified(qualified.substring(0, dot), qualified.substring(dot + 1));
    }
}
