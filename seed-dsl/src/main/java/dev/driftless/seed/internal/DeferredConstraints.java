package dev.driftless.seed.internal;

import dev.driftless.sql.Quote;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code DeferredConstraints} defers the deferrable foreign keys that tie the tables of a cycle together, so that a
 * row may carry a key its fixture gives before the referenced row exists ({@link DeferredReferences}), and checks
 * every deferred constraint once all rows are in — those {@code INITIALLY DEFERRED} in the schema too — so that a
 * violation is reported as part of the load, not by the commit.
 *
 * @param connection the load's connection, in its transaction
 * @param diagnosis the load's failure messages
 */
record DeferredConstraints(Connection connection, FailureDiagnosis diagnosis) {

    /**
     * Defers the deferrable foreign keys between tables of the same cycle.
     *
     * @param groups the load's tables, in order
     * @param rows table key → the load's rows of that table
     * @throws SQLException when the server refuses
     */
    void deferWithinCycles(List<TableOrder.Group> groups, Map<String, List<PlannedRow>> rows) throws SQLException {
        List<String> names = new ArrayList<>();
        for (TableOrder.Group group : groups) {
            if (!group.cycle()) {
                continue;
            }
            for (String key : group.tables()) {
                TableInfo table = rows.get(key).get(0).table;
                for (ConstraintInfo fk : table.foreignKeys()) {
                    if (fk.deferrable() && group.tables().contains(fk.refTable())) {
                        names.add(Quote.qualified(table.schema(), fk.name()));
                    }
                }
            }
        }
        if (!names.isEmpty()) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET CONSTRAINTS " + String.join(", ", names) + " DEFERRED");
            }
        }
    }

    /**
     * Checks every constraint still deferred in the load's transaction.
     *
     * @throws dev.driftless.seed.SeedException when one fails
     * @throws SQLException when the connection fails
     */
    void checkAll() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET CONSTRAINTS ALL IMMEDIATE");
        } catch (SQLException e) {
            throw diagnosis.deferredCheckFailed(e);
        }
    }
}
