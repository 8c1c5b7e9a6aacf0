package dev.driftless.seed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code RowValues} collects the column values of one row in the Java DSL:
 * {@code r -> r.set("display_name", "Alice").set("party_id", ref("alice"))}.
 *
 * <p>A value is any of: {@code null}, a {@link String} (parsed by the column type's input function, so
 * {@code "2025-01-19T10:00:00Z"} suits a {@code timestamptz} and {@code "1 day"} an {@code interval}), a number,
 * a {@link Boolean}, a {@link java.util.UUID}, a {@code java.time} value, a {@code byte[]} (for {@code bytea}),
 * a {@link java.util.Map} or {@link java.util.List} (JSON for {@code json}/{@code jsonb}; a list is an array for array
 * columns), a Java enum (its name, for enum columns), or a {@link Ref}. Columns left out get their defaults.
 */
public final class RowValues {

    private final Map<String, Object> values = new LinkedHashMap<>();

    RowValues() {
    }

    /**
     * Sets a column's value.
     *
     * @param column the column name
     * @param value the value, may be {@code null}
     * @return this
     */
    public RowValues set(String column, Object value) {
        values.put(column, value);
        return this;
    }

    Map<String, Object> values() {
        return values;
    }
}
