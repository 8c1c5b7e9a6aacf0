package dev.driftless.seed.internal;

import dev.driftless.seed.SeedException;
import dev.driftless.sql.Quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code InsertBatches} inserts rows of one table with multi-row {@code INSERT ... VALUES (...), (...)}: as many rows
 * per statement as PostgreSQL's parameter limit allows, each statement in a savepoint, every value sent as text and
 * cast to its column's type. With {@code RETURNING} it reads each stored row back (its {@code ctid} and every column
 * as text), for references and deferred updates. A statement the server refuses is tried again row by row, to name
 * the row.
 *
 * @param connection the load's connection, in its transaction
 * @param savepoints the load's savepoints
 * @param text the load's row texts
 * @param diagnosis the load's failure messages
 */
record InsertBatches(Connection connection, Savepoints savepoints, RowText text, FailureDiagnosis diagnosis) {

    private static final int MAX_PARAMETERS = 30_000;
    private static final int MAX_ROWS_PER_INSERT = 1_000;

    /**
     * Inserts rows of one table.
     *
     * @param rows the rows, in load order
     * @param returning whether to read the stored rows back
     * @throws dev.driftless.seed.SeedException naming the row and column the server refused
     * @throws SQLException when the connection fails
     */
    void insert(List<PlannedRow> rows, boolean returning) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        TableInfo table = rows.get(0).table;
        List<ColumnInfo> columns = columnsOf(table, rows);
        int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / Math.max(1, columns.size())));
        for (int start = 0; start < rows.size(); start += perStatement) {
            List<PlannedRow> chunk = rows.subList(start, Math.min(rows.size(), start + perStatement));
            SQLException refused = savepoints.attempt(() -> send(table, columns, chunk, returning));
            if (refused != null) {
                throw oneByOne(table, chunk, returning, refused);
            }
        }
    }

    /** Inserts refused rows again one by one, and returns the failure of the first the server refuses. */
    private SeedException oneByOne(TableInfo table, List<PlannedRow> rows, boolean returning, SQLException together)
            throws SQLException {
        for (PlannedRow row : rows) {
            // A single row's statement has one parameter per column it gives, in table order.
            List<ColumnInfo> parameters = columnsOf(table, List.of(row));
            SQLException refused = savepoints.attempt(() -> send(table, parameters, List.of(row), returning));
            if (refused != null) {
                return diagnosis.rowRefused(row, refused, parameters);
            }
        }
        return diagnosis.batchNotReproduced(rows, together);
    }

    /** @return the columns any of the rows gives, in table order; a row without one of them gets its default */
    private static List<ColumnInfo> columnsOf(TableInfo table, List<PlannedRow> rows) {
        Set<String> used = new LinkedHashSet<>();
        ColumnInfo[] previous = null;
        for (PlannedRow row : rows) {
            if (row.columns != previous) {
                for (ColumnInfo c : row.columns) {
                    used.add(c.name());
                }
                previous = row.columns;
            }
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo c : table.columns().values()) {
            if (used.contains(c.name())) {
                columns.add(c);
            }
        }
        return columns;
    }

    private void send(TableInfo table, List<ColumnInfo> columns, List<PlannedRow> rows, boolean returning)
            throws SQLException {
        if (columns.isEmpty() && returning && rows.size() > 1) {
            // DEFAULT VALUES inserts one row, and RETURNING needs each row's own.
            for (PlannedRow row : rows) {
                send(table, columns, List.of(row), true);
            }
            return;
        }
        List<String> texts = new ArrayList<>();
        String sql = statement(table, columns, rows, returning, texts);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            RowText.bind(ps, texts);
            if (!returning) {
                ps.executeUpdate();
                return;
            }
            try (ResultSet rs = ps.executeQuery()) {
                for (PlannedRow row : rows) {
                    rs.next();
                    row.ctid = rs.getString(1);
                    Map<String, String> stored = new LinkedHashMap<>();
                    int k = 2;
                    for (ColumnInfo c : table.columns().values()) {
                        stored.put(c.name(), rs.getString(k++));
                    }
                    row.stored = stored;
                }
            }
        }
    }

    /** Writes the statement for rows and collects its parameters' texts. */
    private String statement(TableInfo table, List<ColumnInfo> columns, List<PlannedRow> rows, boolean returning,
            List<String> texts) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.sqlName());
        if (columns.isEmpty()) {
            sql.append(rows.size() > 1 ? " SELECT FROM pg_catalog.generate_series(1, " + rows.size() + ")"
                    : " DEFAULT VALUES");
        } else {
            boolean overriding = columns.stream().anyMatch(ColumnInfo::identityAlways);
            sql.append(" (").append(ColumnInfo.sqlList(columns))
                    .append(overriding ? ") OVERRIDING SYSTEM VALUE VALUES " : ") VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                PlannedRow row = rows.get(r);
                sql.append(r == 0 ? "(" : ", (");
                for (int i = 0; i < columns.size(); i++) {
                    ColumnInfo column = columns.get(i);
                    int index = indexOf(row, column);
                    sql.append(i == 0 ? "" : ", ");
                    if (index < 0) {
                        sql.append("DEFAULT");
                    } else {
                        sql.append("?::").append(column.castType());
                        texts.add(text.of(row, index));
                    }
                }
                sql.append(')');
            }
        }
        if (returning) {
            sql.append(" RETURNING ctid::text");
            for (ColumnInfo c : table.columns().values()) {
                sql.append(", ").append(Quote.identifier(c.name())).append("::text");
            }
        }
        return sql.toString();
    }

    private static int indexOf(PlannedRow row, ColumnInfo column) {
        for (int i = 0; i < row.columns.length; i++) {
            if (row.columns[i] == column) {
                return i;
            }
        }
        return -1;
    }
}
