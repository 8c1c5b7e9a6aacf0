package dev.driftless.seed.internal;

import dev.driftless.sql.Quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CatalogReader} reads the tables fixtures can name, with their columns, constraints and owned sequences, in
 * three catalog queries on the load's own connection and transaction.
 *
 * <p>Why seed does not build its {@link Catalog} from core's {@link dev.driftless.schema.SchemaInspector}: the snapshot
 * describes definitions for comparison, and lacks facts a load needs. It has no base type or type category through
 * domains (which choose how a value is rendered: JSON, bytea, array), no type without modifiers to cast values to,
 * no declared length as a number (to find the value that is too long), and no visibility on the session's
 * {@code search_path} (which decides whether a fixture may write a bare name): the inspector reads with
 * {@code search_path = pg_catalog}, so it also prints {@code public.mood} where messages say {@code mood}. It leaves
 * identity columns' sequences out, which a load moves. Reading those facts from type names would be matching
 * printed SQL. It also costs more, on every load (for a small fixture, most of its time): on PostgreSQL 17, on the
 * load's connection, for the two tables of {@code SeedBenchmark} this reader took 7–10 ms and the inspector 16–24 ms
 * limited to tables, columns, constraints and sequences (26–39 ms for everything); with 100 more tables, 24–35 ms
 * against 33–50 ms (medians of 40 reads, several runs on a busy two-core machine).
 *
 * <p>Which tables are read follows core's filter, with two differences made for data; see {@code columns.sql}.
 */
public final class CatalogReader {

    private static final String COLUMNS = resource("columns.sql");
    private static final String CONSTRAINTS = resource("constraints.sql");
    private static final String SEQUENCES = resource("sequences.sql");

    private CatalogReader() {
    }

    /**
     * Reads the catalog.
     *
     * @param connection an open connection to the database
     * @return its user tables
     * @throws SQLException when a query fails
     */
    public static Catalog read(Connection connection) throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    String schema = rs.getString("schema_name");
                    String name = rs.getString("table_name");
                    TableInfo table = tables.computeIfAbsent(schema + "." + name,
                            k -> tableOf(schema, name, rs));
                    int maxLength = rs.getInt("max_length");
                    Integer length = rs.wasNull() ? null : maxLength;
                    String identity = rs.getString("identity");
                    String generated = rs.getString("generated");
                    table.add(new ColumnInfo(rs.getString("column_name"), rs.getString("cast_type"),
                            rs.getString("display_type"),
                            ColumnKind.of(rs.getString("base_type"), rs.getString("base_category")),
                            rs.getBoolean("not_null"), "a".equals(identity),
                            generated != null && !generated.isEmpty(), length));
                }
            }
            try (ResultSet rs = st.executeQuery(CONSTRAINTS)) {
                while (rs.next()) {
                    String key = rs.getString("schema_name") + "." + rs.getString("table_name");
                    TableInfo table = tables.get(key);
                    if (table == null) {
                        continue;
                    }
                    String refSchema = rs.getString("ref_schema_name");
                    table.add(new ConstraintInfo(rs.getString("constraint_name"),
                            rs.getString("constraint_type").charAt(0), key, strings(rs.getArray("columns")),
                            refSchema == null ? null : refSchema + "." + rs.getString("ref_table_name"),
                            strings(rs.getArray("ref_columns")), rs.getBoolean("deferrable")));
                }
            }
            try (ResultSet rs = st.executeQuery(SEQUENCES)) {
                while (rs.next()) {
                    TableInfo table = tables.get(rs.getString("schema_name") + "." + rs.getString("table_name"));
                    if (table != null) {
                        table.addSequence(rs.getString("column_name"),
                                Quote.qualified(rs.getString("sequence_schema"), rs.getString("sequence_name")));
                    }
                }
            }
        }
        return new Catalog(tables);
    }

    private static TableInfo tableOf(String schema, String name, ResultSet rs) {
        try {
            return new TableInfo(schema, name, rs.getBoolean("visible"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String resource(String name) {
        try (InputStream in = CatalogReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
