package dev.driftless.seed.internal;

import dev.driftless.sql.ServerError;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code CopyBatches} sends a run of rows with the same columns through {@code COPY ... FROM STDIN} in text format,
 * in one savepoint. When the server names the line it refused, that line's row is reported; when it does not (a
 * foreign key is checked at the end of the statement), the rows go again through {@link InsertBatches}, which finds
 * the row.
 *
 * @param connection the load's connection, in its transaction
 * @param savepoints the load's savepoints
 * @param text the load's row texts
 * @param inserts the INSERT path, which finds a row the server did not name
 * @param diagnosis the load's failure messages
 */
record CopyBatches(Connection connection, Savepoints savepoints, RowText text, InsertBatches inserts,
                   FailureDiagnosis diagnosis) {

    private static final int BUFFER = 1 << 16;

    /**
     * Copies rows of one table that all give the same columns and need nothing read back.
     *
     * @param rows the rows, in load order
     * @throws dev.driftless.seed.SeedException naming the row the server refused
     * @throws SQLException when the connection fails
     */
    void copy(List<PlannedRow> rows) throws SQLException {
        TableInfo table = rows.get(0).table;
        String sql = "COPY " + table.sqlName() + " (" + ColumnInfo.sqlList(Arrays.asList(rows.get(0).columns))
                + ") FROM STDIN";
        SQLException refused = savepoints.attempt(() -> send(sql, rows));
        if (refused == null) {
            return;
        }
        OptionalInt line = ServerError.of(refused).copyLine();
        if (line.isPresent()) {
            throw diagnosis.rowRefused(rows.get(line.getAsInt() - 1), refused, List.of());
        }
        inserts.insert(rows, false);
        throw diagnosis.copyNotReproduced(table, refused);
    }

    private void send(String sql, List<PlannedRow> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder buffer = new StringBuilder(BUFFER + 1024);
            for (PlannedRow row : rows) {
                for (int i = 0; i < row.columns.length; i++) {
                    if (i > 0) {
                        buffer.append('\t');
                    }
                    CopyText.append(buffer, text.of(row, i));
                }
                buffer.append('\n');
                if (buffer.length() >= BUFFER) {
                    write(copy, buffer);
                }
            }
            write(copy, buffer);
            copy.endCopy();
        } catch (SQLException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the server already ended the copy with the error the caller reports
                }
            }
            throw e;
        }
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
