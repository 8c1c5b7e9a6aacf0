package dev.driftless.seed.internal;

import dev.driftless.sql.Quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.driftless.seed.SeedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Exporter} writes the rows of tables as a YAML fixture that loads back into the same rows: parents first,
 * rows in key order, every column but generated ones, and foreign-key values turned into {@code $ref:alias} when the
 * referenced row is exported too (the referenced row then gets an {@code _alias} made of its table and key).
 */
public final class Exporter {

    private static final JsonNodeFactory NODES = new JsonNodeFactory(true);
    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(NODES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build());

    private Exporter() {
    }

    /** One exported table's rows, as text, before references are made. */
    private record TableData(TableInfo table, List<ColumnInfo> columns, List<String[]> rows) {
    }

    /**
     * Exports tables.
     *
     * @param connection an open connection
     * @param catalog the database's catalog
     * @param written the table names as users write them
     * @return the YAML fixture text
     * @throws SQLException when a query fails
     */
    public static String export(Connection connection, Catalog catalog, List<String> written) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, TableInfo> tables = catalog.findAll(written, problems);
        if (!problems.isEmpty()) {
            throw new SeedException("Cannot export: " + String.join("; ", problems) + ".");
        }
        Map<String, TableData> data = new LinkedHashMap<>();
        for (TableOrder.Group group : TableOrder.byForeignKeys(tables)) {
            for (String key : group.tables()) {
                data.put(key, read(connection, tables.get(key)));
            }
        }
        return write(data, tables);
    }

    private static TableData read(Connection connection, TableInfo table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (ColumnInfo c : table.columns().values()) {
            if (c.generated()) {
                continue;
            }
            String col = Quote.identifier(c.name());
            sql.append(columns.isEmpty() ? "" : ", ");
            switch (c.kind()) {
                case ARRAY:
                    sql.append("pg_catalog.to_jsonb(").append(col).append(")::text");
                    break;
                case BYTEA:
                    sql.append("pg_catalog.translate(pg_catalog.encode(").append(col).append(", 'base64'), E'\\n', '')");
                    break;
                default:
                    sql.append(col).append("::text");
            }
            columns.add(c);
        }
        sql.append(" FROM ").append(table.sqlName()).append(" ORDER BY ");
        List<String> key = table.keyColumns();
        if (key.isEmpty()) {
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(Quote.identifier(columns.get(i).name())).append("::text");
            }
        } else {
            for (int i = 0; i < key.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(Quote.identifier(key.get(i)));
            }
        }
        List<String[]> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return new TableData(table, columns, rows);
    }

    private static String write(Map<String, TableData> data, Map<String, TableInfo> tables) {
        // alias per referenced row: table key → row index → alias
        Map<String, Map<Integer, String>> aliases = new HashMap<>();
        // reference per referring cell: table key → row index → column index → alias
        Map<String, Map<Integer, Map<Integer, String>>> refs = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (TableData child : data.values()) {
            for (ConstraintInfo fk : child.table().foreignKeys()) {
                TableData parent = data.get(fk.refTable());
                if (parent == null) {
                    continue;
                }
                int[] childCols = indexes(child, fk.columns());
                int[] parentCols = indexes(parent, fk.refColumns());
                if (childCols == null || parentCols == null) {
                    continue;
                }
                Map<List<String>, Integer> index = new HashMap<>();
                for (int r = 0; r < parent.rows().size(); r++) {
                    index.putIfAbsent(tuple(parent.rows().get(r), parentCols), r);
                }
                for (int r = 0; r < child.rows().size(); r++) {
                    List<String> values = tuple(child.rows().get(r), childCols);
                    if (values.contains(null)) {
                        continue;
                    }
                    Integer target = index.get(values);
                    if (target == null) {
                        continue;
                    }
                    String alias = aliases.computeIfAbsent(parent.table().key(), k -> new HashMap<>())
                            .computeIfAbsent(target, t -> aliasFor(parent, t, used));
                    Map<Integer, String> cells = refs.computeIfAbsent(child.table().key(), k -> new HashMap<>())
                            .computeIfAbsent(r, k -> new HashMap<>());
                    for (int c : childCols) {
                        cells.putIfAbsent(c, alias);
                    }
                }
            }
        }
        ObjectNode root = NODES.objectNode();
        for (TableData table : data.values()) {
            ArrayNode rows = root.putArray(table.table().displayName());
            Map<Integer, String> tableAliases = aliases.getOrDefault(table.table().key(), Map.of());
            Map<Integer, Map<Integer, String>> tableRefs = refs.getOrDefault(table.table().key(), Map.of());
            for (int r = 0; r < table.rows().size(); r++) {
                ObjectNode row = rows.addObject();
                if (tableAliases.containsKey(r)) {
                    row.put(FixtureReaders.ALIAS_KEY, tableAliases.get(r));
                }
                Map<Integer, String> cellRefs = tableRefs.getOrDefault(r, Map.of());
                String[] values = table.rows().get(r);
                for (int c = 0; c < values.length; c++) {
                    ColumnInfo column = table.columns().get(c);
                    if (cellRefs.containsKey(c)) {
                        row.put(column.name(), "$ref:" + cellRefs.get(c));
                    } else {
                        row.set(column.name(), node(values[c], column));
                    }
                }
            }
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode node(String text, ColumnInfo column) {
        if (text == null) {
            return NODES.nullNode();
        }
        try {
            switch (column.kind()) {
                case NUMBER:
                    if (text.matches("-?\\d+")) {
                        return NODES.numberNode(new java.math.BigInteger(text));
                    }
                    if (text.matches("-?\\d+\\.\\d+")) {
                        return NODES.numberNode(new BigDecimal(text));
                    }
                    return NODES.textNode(text);
                case BOOLEAN:
                    return NODES.booleanNode("true".equals(text));
                case JSON:
                case ARRAY:
                    return JSON.readTree(text);
                default:
                    return NODES.textNode(text.startsWith("$") ? "$" + text : text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] indexes(TableData table, List<String> names) {
        int[] result = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            result[i] = -1;
            for (int c = 0; c < table.columns().size(); c++) {
                if (table.columns().get(c).name().equals(names.get(i))) {
                    result[i] = c;
                }
            }
            if (result[i] < 0) {
                return null;
            }
        }
        return result;
    }

    private static List<String> tuple(String[] row, int[] columns) {
        List<String> values = new ArrayList<>(columns.length);
        for (int c : columns) {
            values.add(row[c]);
        }
        return values;
    }

    private static String aliasFor(TableData table, int row, Set<String> used) {
        StringBuilder sb = new StringBuilder(table.table().displayName().replace('.', '_'));
        int[] key = indexes(table, table.table().keyColumns());
        if (key == null || key.length == 0) {
            sb.append('_').append(row + 1);
        } else {
            for (int c : key) {
                sb.append('_').append(table.rows().get(row)[c]);
            }
        }
        String base = sb.toString().replaceAll("[^A-Za-z0-9_-]", "_");
        String alias = base;
        for (int n = 2; !used.add(alias); n++) {
            alias = base + "_" + n;
        }
        return alias;
    }
}
