package dev.driftless.seed.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    String describe() {
        return source.describe();
    }

    /**
     * @param rows rows, in load order
     * @return table key → that table's rows, in load order; tables in the order their first row comes
     */
    static Map<String, List<PlannedRow>> byTable(List<PlannedRow> rows) {
        Map<String, List<PlannedRow>> byTable = new LinkedHashMap<>();
        List<PlannedRow> current = null;
        TableInfo currentTable = null;
        for (PlannedRow row : rows) {
            // Rows come in runs of one table: look the list up once per run.
            if (row.table != currentTable) {
                currentTable = row.table;
                current = byTable.computeIfAbsent(row.table.key(), k -> new ArrayList<>());
            }
            current.add(row);
        }
        return byTable;
    }
}
