package dev.driftless.seed.internal;

import java.util.Map;

/**
 * {@code PlannedRow} is a checked fixture row bound to its table: column values are rendered text, {@code null},
 * or {@link RefTarget}s resolved when the row is inserted. Mutable: the loader records what the server returned.
 */
public final class PlannedRow {

    final FixtureRow source;
    final TableInfo table;
    final ColumnInfo[] columns;
    final Object[] values;
    final int order;
    Map<String, String> stored;
    String ctid;
    boolean inserted;
    boolean queued;
    int waitingFor;
    boolean[] deferred;

    PlannedRow(FixtureRow source, TableInfo table, ColumnInfo[] columns, Object[] values, int order) {
        this.source = source;
        this.table = table;
        this.columns = columns;
        this.values = values;
        this.order = order;
    }

    /** @return the catalog key ({@code schema.name}) of the row's table */
    public String tableKey() {
        return table.key();
    }

    boolean hasRefs() {
        for (Object value : values) {
            if (value instanceof RefTarget) {
                return true;
            }
        }
        return false;
    }

    String describe() {
        return source.describe();
    }
}
