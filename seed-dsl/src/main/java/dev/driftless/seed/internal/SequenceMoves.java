package dev.driftless.seed.internal;

import dev.driftless.sql.Quote;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code SequenceMoves} moves the sequences of serial and identity columns past the highest value a load gave those
 * columns explicitly, so that the next row inserted without a key does not collide with a fixture's key. A sequence
 * is never moved back, nor one that counts down; a column only ever filled by its default or by references is left
 * alone.
 */
final class SequenceMoves {

    private SequenceMoves() {
    }

    /**
     * Moves the sequences of the loaded tables.
     *
     * @param connection the load's connection
     * @param rows each loaded table's rows
     * @throws SQLException when the server refuses
     */
    static void afterLoad(Connection connection, Collection<List<PlannedRow>> rows) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (List<PlannedRow> tableRows : rows) {
                TableInfo table = tableRows.get(0).table;
                for (Map.Entry<String, String> e : table.sequences().entrySet()) {
                    if (givenExplicitly(tableRows, e.getKey())) {
                        String sequence = Quote.literal(e.getValue()) + "::regclass";
                        st.execute("SELECT pg_catalog.setval(" + sequence + ", x.m) FROM (SELECT max("
                                + Quote.identifier(e.getKey()) + ")::bigint AS m FROM " + table.sqlName()
                                + ") x, pg_catalog.pg_sequence s WHERE s.seqrelid = " + sequence
                                + " AND s.seqincrement > 0 AND x.m IS NOT NULL"
                                + " AND x.m >= COALESCE(pg_catalog.pg_sequence_last_value(" + sequence
                                + "), s.seqstart)");
                    }
                }
            }
        }
    }

    /** @return whether any row gives the column a value of its own (not a reference) */
    private static boolean givenExplicitly(List<PlannedRow> rows, String column) {
        ColumnInfo[] columns = null;
        int index = -1;
        for (PlannedRow row : rows) {
            if (row.columns != columns) {
                columns = row.columns;
                index = -1;
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i].name().equals(column)) {
                        index = i;
                    }
                }
            }
            if (index >= 0 && !(row.values[index] instanceof RefTarget)) {
                return true;
            }
        }
        return false;
    }
}
