package dev.driftless.internal.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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

    long number(String column) throws SQLException {
        return rs.getLong(column);
    }

    List<String> strings(String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> result = new ArrayList<>(values.length);
        for (Object value : values) {
            result.add(value == null ? null : value.toString());
        }
        return result;
    }

    List<Boolean> booleans(String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((Boolean[]) array.getArray());
    }
}
