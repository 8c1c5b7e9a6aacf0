package dev.driftless.assertions.internal;

import dev.driftless.DriftlessException;
import dev.driftless.seed.NameResolver;
import dev.driftless.sql.Quote;
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
     * @param table the table as a fixture names it ({@code party}, {@code USER}, {@code billing.invoice}), resolved
     *     as {@link NameResolver} resolves names
     * @return the content
     * @throws DriftlessException when the table does not exist (with the closest name), its name is ambiguous, or it
     *     cannot be read
     */
    public static TableContent read(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            utc(c);
            NameResolver<String> tables = tables(c);
            String qualified = tables.find(table).orElseThrow(() -> new DriftlessException("Cannot read table "
                    + table + ": there is no such table in database " + catalogOf(c) + " (search_path "
                    + searchPathOf(c) + "). Check the name, or qualify it with its schema" + suggestion(tables, table)));
            Map<String, String> types = new LinkedHashMap<>();
            List<String> key = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                    + " array_position(i.indkey::int2[], a.attnum) FROM pg_attribute a LEFT JOIN pg_index i"
                    + " ON i.indrelid = a.attrelid AND i.indisprimary WHERE a.attrelid = to_regclass(?)"
                    + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
                ps.setString(1, qualifiedSql(qualified));
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

    /**
     * Resolves a column name as written in a test or an expected-data file to the table's column, as the seeder
     * resolves the columns of fixtures ({@code NAME} finds {@code name}).
     *
     * @param written the name as written
     * @return the column's name, or {@code null} when the table has none of that name
     * @throws DriftlessException when the name matches several columns only by case
     */
    public String column(String written) {
        if (types.containsKey(written) && written.equals(written.toLowerCase(java.util.Locale.ROOT))) {
            return written;
        }
        return columnNames().find(written).orElse(null);
    }

    /** @return the resolver of the column names, for {@link #column(String)} and suggestions */
    public NameResolver<String> columnNames() {
        Map<String, String> byName = new LinkedHashMap<>();
        types.keySet().forEach(n -> byName.put(n, n));
        return NameResolver.of("column", byName);
    }

    /**
     * Returns the names of the tables, views and foreign tables a test or an expected-data file may name, each standing
     * for its schema-qualified name.
     *
     * @param dataSource where
     * @return the resolver: bare names for what the search path finds, {@code schema.name} for everything
     * @throws DriftlessException when the catalog cannot be read
     */
    public static NameResolver<String> tableNames(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return tables(c);
        } catch (SQLException e) {
            throw new DriftlessException("Cannot read the table names: [" + e.getSQLState() + "] "
                    + e.getMessage().strip(), e);
        }
    }

    /** Every table, view and foreign table a test may name: bare when the search path finds it, else qualified. */
    private static NameResolver<String> tables(Connection c) throws SQLException {
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname,"
                + " pg_table_is_visible(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> 'information_schema'"
                + " AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 2")) {
            while (rs.next()) {
                String qualified = rs.getString(1) + "." + rs.getString(2);
                byName.put(qualified, qualified);
                if (rs.getBoolean(3)) {
                    byName.putIfAbsent(rs.getString(2), qualified);
                    shown.add(rs.getString(2));
                } else {
                    shown.add(qualified);
                }
            }
        }
        return NameResolver.of("table", byName, shown);
    }

    private static String suggestion(NameResolver<String> tables, String table) {
        String didYouMean = tables.didYouMean(table);
        return didYouMean.isEmpty() ? "." : didYouMean;
    }

    private static String catalogOf(Connection c) {
        try {
            return c.getCatalog();
        } catch (SQLException e) {
            return "?";
        }
    }

    private static String searchPathOf(Connection c) {
        try {
            return searchPath(c);
        } catch (SQLException e) {
            return "?";
        }
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
