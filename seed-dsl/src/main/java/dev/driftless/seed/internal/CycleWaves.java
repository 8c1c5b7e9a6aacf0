package dev.driftless.seed.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CycleWaves} inserts the rows of tables that refer to each other in a cycle, in waves: each wave holds the
 * rows whose referenced rows are all stored, table by table. When no row is ready, the first row not yet inserted (in
 * load order) goes anyway, with its references to rows not stored deferred ({@link DeferredReferences}).
 *
 * @param batches how one table's rows of a wave go in
 * @param deferred the load's deferred references, which say which row waits for which
 */
record CycleWaves(RowBatches batches, DeferredReferences deferred) {

    /**
     * Inserts rows that may refer to each other.
     *
     * @param rows the rows of one cycle's tables, in load order
     * @throws dev.driftless.seed.SeedException naming the row and column the server refused
     * @throws SQLException when the connection fails
     */
    void insert(List<PlannedRow> rows) throws SQLException {
        Map<PlannedRow, List<PlannedRow>> dependents = new HashMap<>();
        List<PlannedRow> ready = new ArrayList<>();
        for (PlannedRow row : rows) {
            for (int i = 0; i < row.values.length; i++) {
                PlannedRow target = deferred.awaited(row, i);
                if (target != null && target != row) {
                    row.waitingFor++;
                    dependents.computeIfAbsent(target, k -> new ArrayList<>()).add(row);
                }
            }
            if (row.waitingFor == 0) {
                ready.add(row);
                row.queued = true;
            }
        }
        int remaining = rows.size();
        int next = 0;
        while (remaining > 0) {
            if (ready.isEmpty()) {
                while (rows.get(next).queued) {
                    next++;
                }
                PlannedRow breaker = rows.get(next);
                breaker.queued = true;
                ready.add(breaker);
            }
            for (List<PlannedRow> tableRows : PlannedRow.byTable(ready).values()) {
                batches.insert(tableRows);
            }
            remaining -= ready.size();
            List<PlannedRow> following = new ArrayList<>();
            for (PlannedRow row : ready) {
                for (PlannedRow dependent : dependents.getOrDefault(row, List.of())) {
                    if (!dependent.queued && --dependent.waitingFor == 0) {
                        dependent.queued = true;
                        following.add(dependent);
                    }
                }
            }
            following.sort(Comparator.comparingInt(r -> r.order));
            ready = following;
        }
    }
}
