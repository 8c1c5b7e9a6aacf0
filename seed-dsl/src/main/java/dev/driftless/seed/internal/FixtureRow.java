package dev.driftless.seed.internal;

import java.util.Collections;
import java.util.Map;

/**
 * {@code FixtureRow} is one row as written in a fixture, before the catalog is consulted: a table name, an optional
 * alias, and column values (strings, numbers, booleans, {@code null}, {@link dev.driftless.seed.Ref}s, JSON trees, lists,
 * maps, byte arrays or Java date/time values).
 *
 * @param table the table name as written
 * @param alias the row's alias, or {@code null}
 * @param values column → value, in the order written
 * @param origin where the row was written
 * @param index the row's 1-based position among the rows of its table in its source
 */
public record FixtureRow(String table, String alias, Map<String, Object> values, Origin origin, int index) {

    /**
     * Creates a row. The row takes the values map over: callers hand in a map they no longer change.
     *
     * @param table the table name as written
     * @param alias the alias or {@code null}
     * @param values the values
     * @param origin where it was written
     * @param index its position in its table and source
     */
    public FixtureRow {
        values = Collections.unmodifiableMap(values);
    }

    /**
     * Describes the row for messages: {@code fixtures/a.yml:7, table party, row 2 (alias "alice")}.
     *
     * @return the description
     */
    public String describe() {
        return origin.describe() + ", table " + table + ", row " + index + (alias == null ? "" : " (alias \"" + alias + "\")");
    }
}
