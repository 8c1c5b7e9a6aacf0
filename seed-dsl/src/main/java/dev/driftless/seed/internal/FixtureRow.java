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
     * Returns the mark a reader leaves for a table its file names without rows ({@code table:} in YAML,
     * {@code <table/>} in flat XML, a CSV file with a header only): Database Rider's "empty this table".
     *
     * @param table the table name as written
     * @param origin where it was written
     * @return a row with index 0 and no values, see {@link #isEmptyTable()}
     */
    public static FixtureRow emptyTable(String table, Origin origin) {
        return new FixtureRow(table, null, new java.util.LinkedHashMap<>(), origin, 0);
    }

    /** @return whether this is the mark of an empty table entry rather than a row */
    public boolean isEmptyTable() {
        return index == 0;
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
