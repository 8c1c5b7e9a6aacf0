package dev.driftless.seed;

import java.util.Map;
import java.util.Objects;

/**
 * {@code SeededRow} is an aliased row as the database stored it, with every column as PostgreSQL's text output:
 * generated keys, defaults and values changed by triggers included.
 *
 * <pre>{@code
 * long aliceId = seed.row("alice").getLong("party_id");
 * }</pre>
 *
 * @param alias the row's alias
 * @param table the table, as fixtures name it
 * @param values column → text value ({@code null} for SQL {@code NULL}), in table column order
 */
public record SeededRow(String alias, String table, Map<String, String> values) {

    /**
     * Creates a row; the values are copied.
     *
     * @param alias the alias
     * @param table the table
     * @param values the values
     */
    public SeededRow {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(table, "table");
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /**
     * Returns a column's value as PostgreSQL's text output.
     *
     * @param column the column
     * @return the text, or {@code null} for SQL {@code NULL}
     * @throws IllegalArgumentException when the table has no such column
     */
    public String get(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("Table " + table + " has no column " + column + "; its columns are "
                    + values.keySet());
        }
        return values.get(column);
    }

    /**
     * Returns an integer column's value.
     *
     * @param column the column
     * @return the value
     * @throws IllegalArgumentException when the table has no such column
     * @throws NumberFormatException when the value is {@code NULL} or not an integer
     */
    public long getLong(String column) {
        return Long.parseLong(get(column));
    }
}
