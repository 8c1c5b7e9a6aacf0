package dev.driftless.seed.internal;

import dev.driftless.sql.Quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DeferredReferences} deals with references to rows not stored yet, which only rows that refer to each other
 * in a cycle have. Such a reference is sent at once when the fixture gives the referenced value itself and no
 * immediate foreign key checks it before the referenced row exists ({@link DeferredConstraints} defers the others);
 * otherwise its column is inserted as {@code NULL} and set by an {@code UPDATE} once every row is in.
 */
final class DeferredReferences {

    private final Connection connection;
    private final Savepoints savepoints;
    private final RowText text;
    private final FailureDiagnosis diagnosis;
    private final List<PlannedRow> deferredRows = new ArrayList<>();

    DeferredReferences(Connection connection, Savepoints savepoints, RowText text, FailureDiagnosis diagnosis) {
        this.connection = connection;
        this.savepoints = savepoints;
        this.text = text;
        this.diagnosis = diagnosis;
    }

    /**
     * @param row a row not inserted yet
     * @param i the index of one of its columns
     * @return the row of this load that the column's reference has to wait for, or {@code null} when the column's
     *     value can be sent now
     */
    PlannedRow awaited(PlannedRow row, int i) {
        if (!(row.values[i] instanceof RefTarget ref)) {
            return null;
        }
        PlannedRow target = text.target(ref);
        return target != null && !target.inserted && !knownEarly(row, i, ref, target) ? target : null;
    }

    /**
     * Defers the references of a row about to be inserted that cannot be sent yet: they are inserted as {@code NULL}
     * and filled in by {@link #fillIn()}.
     *
     * @param row the row
     * @throws dev.driftless.seed.SeedException when such a column is {@code NOT NULL}, so neither row can go first
     */
    void defer(PlannedRow row) {
        for (int i = 0; i < row.values.length; i++) {
            PlannedRow target = awaited(row, i);
            if (target == null) {
                continue;
            }
            if (row.columns[i].notNull()) {
                throw diagnosis.notNullCycle(row, i, target);
            }
            if (row.deferred == null) {
                row.deferred = new boolean[row.values.length];
                deferredRows.add(row);
            }
            row.deferred[i] = true;
        }
    }

    /**
     * Sets every deferred reference, now that every row is stored: one {@code UPDATE} per row, found by its
     * {@code ctid}, each in a savepoint.
     *
     * @throws dev.driftless.seed.SeedException naming the row and column the server refused
     * @throws SQLException when the connection fails
     */
    void fillIn() throws SQLException {
        for (PlannedRow row : deferredRows) {
            boolean[] deferred = row.deferred;
            row.deferred = null;
            List<ColumnInfo> columns = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            StringBuilder sql = new StringBuilder("UPDATE ").append(row.table.sqlName()).append(" SET ");
            for (int i = 0; i < deferred.length; i++) {
                if (deferred[i]) {
                    sql.append(columns.isEmpty() ? "" : ", ").append(Quote.identifier(row.columns[i].name()))
                            .append(" = ?::").append(row.columns[i].castType());
                    columns.add(row.columns[i]);
                    texts.add(text.of(row, i));
                }
            }
            sql.append(" WHERE ctid = ?::tid");
            List<String> parameters = new ArrayList<>(texts);
            parameters.add(row.ctid);
            SQLException refused = savepoints.attempt(() -> {
                try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                    RowText.bind(ps, parameters);
                    ps.executeUpdate();
                }
            });
            if (refused != null) {
                throw diagnosis.rowRefused(row, refused, columns);
            }
            if (row.stored != null) {
                for (int k = 0; k < columns.size(); k++) {
                    row.stored.put(columns.get(k).name(), texts.get(k));
                }
            }
        }
    }

    /**
     * Whether a reference to a row not inserted yet can be sent as the value the fixture gives that row: only when no
     * immediate foreign key would check it before the referenced row exists.
     */
    private static boolean knownEarly(PlannedRow row, int i, RefTarget ref, PlannedRow target) {
        if (RowText.given(target, ref.column()) == null) {
            return false;
        }
        for (ConstraintInfo fk : row.table.foreignKeys()) {
            if (fk.columns().contains(row.columns[i].name()) && fk.refTable().equals(target.table.key())
                    && !fk.deferrable()) {
                return false;
            }
        }
        return true;
    }
}
