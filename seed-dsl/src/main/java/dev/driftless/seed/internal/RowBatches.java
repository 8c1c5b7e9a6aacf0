package dev.driftless.seed.internal;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * {@code RowBatches} inserts rows of one table, in order, in runs: rows with an alias or a deferred reference need
 * their stored values back and go through {@link InsertBatches} with {@code RETURNING}; among the others, a run of at
 * least the COPY threshold rows with the same columns goes through {@link CopyBatches}, shorter runs through
 * {@link InsertBatches}.
 *
 * @param copyThreshold runs of at least this many rows without aliases go through {@code COPY}
 * @param deferred the load's deferred references
 * @param inserts the INSERT path
 * @param copies the COPY path
 */
record RowBatches(int copyThreshold, DeferredReferences deferred, InsertBatches inserts, CopyBatches copies) {

    /**
     * Inserts rows of one table whose references can all be sent or deferred now.
     *
     * @param rows the rows, in load order
     * @throws dev.driftless.seed.SeedException naming the row and column the server refused
     * @throws SQLException when the connection fails
     */
    void insert(List<PlannedRow> rows) throws SQLException {
        for (PlannedRow row : rows) {
            deferred.defer(row);
        }
        for (int start = 0, end; start < rows.size(); start = end) {
            boolean returning = needsReturning(rows.get(start));
            end = runEnd(rows, start, (first, row) -> needsReturning(row) == returning);
            List<PlannedRow> run = rows.subList(start, end);
            if (returning || run.size() < copyThreshold) {
                inserts.insert(run, returning);
            } else {
                insertWithoutReturning(run);
            }
        }
        for (PlannedRow row : rows) {
            row.inserted = true;
        }
    }

    private void insertWithoutReturning(List<PlannedRow> rows) throws SQLException {
        for (int start = 0, end; start < rows.size(); start = end) {
            end = runEnd(rows, start, (first, row) -> Arrays.equals(row.columns, first.columns));
            if (end - start >= copyThreshold) {
                copies.copy(rows.subList(start, end));
            } else {
                inserts.insert(rows.subList(start, end), false);
            }
        }
    }

    /** @return the end (exclusive) of the run that starts at {@code start}: rows that belong with its first row */
    private static int runEnd(List<PlannedRow> rows, int start, BiPredicate<PlannedRow, PlannedRow> belongs) {
        int end = start + 1;
        while (end < rows.size() && belongs.test(rows.get(start), rows.get(end))) {
            end++;
        }
        return end;
    }

    private static boolean needsReturning(PlannedRow row) {
        return row.source.alias() != null || row.deferred != null;
    }
}
