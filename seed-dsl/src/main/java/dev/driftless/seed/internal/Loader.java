package dev.driftless.seed.internal;

import dev.driftless.seed.SeedException;
import dev.driftless.seed.SeededRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Loader} inserts a checked {@link Planner.Plan} on one connection, inside the caller's transaction: tables
 * parents first ({@link TableOrder}); rows that refer to each other in a cycle in waves ({@link CycleWaves}), with
 * references that cannot wait set afterwards ({@link DeferredReferences}, {@link DeferredConstraints}); each table's
 * rows in batches ({@link RowBatches}) — long runs through {@code COPY} ({@link CopyBatches}), the rest through
 * multi-row {@code INSERT ... RETURNING} ({@link InsertBatches}) so that aliased rows' generated values are known. It
 * then moves sequences past the highest explicit values ({@link SequenceMoves}). A failure names the exact row and
 * column the server refused ({@link FailureDiagnosis}).
 *
 * @param connection a connection with auto-commit off; the caller commits or rolls back
 * @param copyThreshold runs of at least this many rows without aliases go through {@code COPY}
 * @param earlier aliases of earlier loads
 * @param outcome what the load changes, for the message when it fails and is rolled back
 */
public record Loader(Connection connection, int copyThreshold, Map<String, AliasRegistry.Entry> earlier,
                     Outcome outcome) {

    /**
     * Inserts the plan's rows.
     *
     * @param plan the checked rows
     * @return the aliased rows as stored, for the registry
     * @throws SeedException naming the row and column the server refused
     * @throws SQLException when the connection fails outside any row
     */
    public Map<String, AliasRegistry.Entry> load(Planner.Plan plan) throws SQLException {
        Map<String, List<PlannedRow>> rows = PlannedRow.byTable(plan.rows());
        List<TableOrder.Group> groups = TableOrder.forLoad(rows, plan.aliases());

        Savepoints savepoints = new Savepoints(connection);
        RowText text = new RowText(plan.aliases(), earlier);
        FailureDiagnosis diagnosis = new FailureDiagnosis(connection, savepoints, text, outcome);
        DeferredReferences deferred = new DeferredReferences(connection, savepoints, text, diagnosis);
        DeferredConstraints constraints = new DeferredConstraints(connection, diagnosis);
        InsertBatches inserts = new InsertBatches(connection, savepoints, text, diagnosis);
        CopyBatches copies = new CopyBatches(connection, savepoints, text, inserts, diagnosis);
        RowBatches batches = new RowBatches(copyThreshold, deferred, inserts, copies);
        CycleWaves waves = new CycleWaves(batches, deferred);

        constraints.deferWithinCycles(groups, rows);
        for (TableOrder.Group group : groups) {
            if (group.cycle()) {
                waves.insert(rowsOf(group, rows));
            } else {
                batches.insert(rows.get(group.tables().get(0)));
            }
        }
        deferred.fillIn();
        constraints.checkAll();
        SequenceMoves.afterLoad(connection, rows.values());
        return stored(plan);
    }

    /** @return the rows of a cycle's tables, in load order */
    private static List<PlannedRow> rowsOf(TableOrder.Group group, Map<String, List<PlannedRow>> rows) {
        List<PlannedRow> all = new ArrayList<>();
        group.tables().forEach(key -> all.addAll(rows.get(key)));
        all.sort(Comparator.comparingInt(r -> r.order));
        return all;
    }

    /** @return alias → the row as stored, for the seeder's registry */
    private static Map<String, AliasRegistry.Entry> stored(Planner.Plan plan) {
        Map<String, AliasRegistry.Entry> added = new LinkedHashMap<>();
        for (Map.Entry<String, PlannedRow> e : plan.aliases().entrySet()) {
            PlannedRow row = e.getValue();
            added.put(e.getKey(), new AliasRegistry.Entry(row.table.key(),
                    new SeededRow(e.getKey(), row.table.displayName(), row.stored), row.describe()));
        }
        return added;
    }
}
