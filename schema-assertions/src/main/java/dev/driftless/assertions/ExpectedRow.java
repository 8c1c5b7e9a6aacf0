package dev.driftless.assertions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ExpectedRow} is a row a table should contain: some columns and their values (others are not compared), made
 * with {@link DriftlessAssertions#row(Object...)}. Values are {@code null}, strings as PostgreSQL would accept them,
 * numbers, booleans, {@code java.time} values or {@link ValueMatcher}s.
 *
 * @param values column → expected value, in the order given
 */
public record ExpectedRow(Map<String, Object> values) {

    /**
     * Creates a row; the map is copied and keeps its order.
     *
     * @param values the value for the {@code values} record component
     */
    public ExpectedRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Makes a row from column, value pairs.
     *
     * @param columnsAndValues {@code "display_name", "Alice", "status", "Active"}
     * @return the row
     * @throws IllegalArgumentException when the arguments are not pairs of a column name and a value
     */
    public static ExpectedRow of(Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("row(...) takes pairs of column name and value, but got "
                    + columnsAndValues.length + " arguments");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (!(columnsAndValues[i] instanceof String column)) {
                throw new IllegalArgumentException("row(...) argument " + (i + 1) + " must be a column name, but is "
                        + columnsAndValues[i]);
            }
            values.put(column, columnsAndValues[i + 1]);
        }
        return new ExpectedRow(values);
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + show(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String show(Object value) {
        return value instanceof ValueMatcher m ? m.describe() : String.valueOf(value);
    }
}
