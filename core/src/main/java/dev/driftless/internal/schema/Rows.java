package dev.driftless.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code Rows} runs one catalog query and hands each row to a reader, with null-safe column helpers. */
final class Rows {

    private final ResultSet rs;

    private Rows(ResultSet rs) {
        this.rs = rs;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface RowReader {
        void read(Rows row) throws SQLException;
    }

    static void query(Connection c, String sql, String[] schemas, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (schemas != null) {
                ps.setArray(1, c.createArrayOf("text", schemas));
            }
            try (ResultSet rs = ps.executeQuery()) {
                Rows row = new Rows(rs);
                while (rs.next()) {
                    reader.read(row);
                }
            }
        }
    }

    String string(String column) throws SQLException {
        return rs.getString(column);
    }

    boolean bool(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    int integer(String column) throws SQLException {
        return rs.getInt(column);
    }

    Integer nullableInteger(String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    long number(String column) throws SQLException {
        return rs.getLong(column);
    }

    /**
     * Reads a one-dimensional array column from its text form. Parsing {@code {a,"b c",NULL}} here is several times
     * faster than pgjdbc's {@code getArray}, which matters for the thousands of arrays a large schema has.
     */
    List<String> strings(String column) throws SQLException {
        return parseArray(rs.getString(column));
    }

    List<Integer> numbers(String column) throws SQLException {
        List<String> values = strings(column);
        List<Integer> result = new ArrayList<>(values.size());
        for (String value : values) {
            result.add(Integer.valueOf(value));
        }
        return result;
    }

    static List<String> parseArray(String text) {
        if (text == null) {
            return List.of();
        }
        int start = text.indexOf('{');
        if (start < 0 || text.length() - start < 2) {
            throw new IllegalArgumentException("Not a PostgreSQL array: " + text);
        }
        List<String> values = new ArrayList<>();
        int i = start + 1;
        int end = text.length() - 1;
        if (i == end) {
            return values;
        }
        while (i <= end) {
            StringBuilder value = new StringBuilder();
            boolean quoted = text.charAt(i) == '"';
            if (quoted) {
                i++;
                while (text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
                values.add(value.toString());
            } else {
                while (text.charAt(i) != ',' && text.charAt(i) != '}') {
                    value.append(text.charAt(i++));
                }
                String element = value.toString();
                values.add(element.equals("NULL") ? null : element);
            }
            i++; // the ',' or the closing '}'
        }
        return values;
    }

    List<Boolean> booleans(String column) throws SQLException {
        List<String> values = strings(column);
        List<Boolean> result = new ArrayList<>(values.size());
        for (String value : values) {
            result.add(value.equals("t"));
        }
        return result;
    }
}
