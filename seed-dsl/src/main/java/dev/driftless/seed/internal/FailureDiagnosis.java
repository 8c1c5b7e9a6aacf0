package dev.driftless.seed.internal;

import dev.driftless.seed.SeedException;
import dev.driftless.sql.ServerError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FailureDiagnosis} turns what the server refused during a load into a message about the fixture: the row,
 * the column and its value, the server's own words ({@link ServerError#summary()}), advice for the SQLSTATE, and what
 * the failed load left ({@link Outcome#rolledBack()}). It finds the column in the error's fields when the server
 * sends one (column, constraint, COPY context), else in the statement parameter the server blamed, else by casting
 * each of the row's values on its own.
 *
 * @param connection the load's connection, in its transaction
 * @param savepoints the load's savepoints
 * @param text the load's row texts
 * @param outcome what the failed load leaves, for the last line of each message
 */
record FailureDiagnosis(Connection connection, Savepoints savepoints, RowText text, Outcome outcome) {

    // A value its column's type cannot read fails while the server binds the statement's parameters, and the server
    // then names the parameter only in the error's context ("unnamed portal parameter $3 = '...'"): no error field
    // carries its number. This is the one place that reads the context's text; ServerError reads the COPY context.
    private static final Pattern PARAMETER = Pattern.compile("portal parameter \\$(\\d+)");

    /**
     * Explains a statement about one row that the server refused (an {@code INSERT}, an {@code UPDATE}, or one line of
     * a {@code COPY}).
     *
     * @param row the row
     * @param error the server's error
     * @param parameters the columns the statement's parameters stand for, in order; empty for {@code COPY}
     * @return the exception to throw
     * @throws SQLException when the connection fails while finding the column
     */
    SeedException rowRefused(PlannedRow row, SQLException error, List<ColumnInfo> parameters) throws SQLException {
        ServerError server = ServerError.of(error);
        ServerError reported = server;
        ConstraintInfo constraint = server.constraint() == null ? null : row.table.constraint(server.constraint());
        int parameter = parameter(server);
        List<String> columns = new ArrayList<>();
        if (server.copyColumn().isPresent()) {
            columns.add(server.copyColumn().get());
        } else if (server.column() != null) {
            columns.add(server.column());
        } else if (constraint != null) {
            columns.addAll(constraint.columns());
        } else if (server.inClass("22") && parameter > 0) {
            if (parameter <= parameters.size()) {
                columns.add(parameters.get(parameter - 1).name());
            }
        } else if (server.inClass("22")) {
            for (int i = 0; i < row.columns.length; i++) {
                String value = text.of(row, i);
                if (value == null) {
                    continue;
                }
                SQLException castFailure = castFailure(value, row.columns[i]);
                if (castFailure != null) {
                    columns.add(row.columns[i].name());
                    reported = ServerError.of(castFailure);
                    break;
                }
                Integer max = row.columns[i].maxLength();
                if (max != null && value.codePointCount(0, value.length()) > max) {
                    columns.add(row.columns[i].name());
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder("Cannot load fixtures: ").append(row.describe());
        if (columns.size() == 1) {
            sb.append(", column ").append(columns.get(0)).append(givenValue(row, columns.get(0)));
        } else if (!columns.isEmpty()) {
            sb.append(", columns ").append(String.join(", ", columns));
        }
        sb.append(": ").append(reported.summary());
        return failure(sb, reported, columns, error);
    }

    /**
     * Explains a cycle of references through a {@code NOT NULL} column, which no insertion order can satisfy.
     *
     * @param row the row whose reference cannot wait
     * @param i the index of its column
     * @param target the referenced row, not inserted yet
     * @return the exception to throw
     */
    SeedException notNullCycle(PlannedRow row, int i, PlannedRow target) {
        String column = row.columns[i].name();
        return new SeedException("Cannot load fixtures: " + row.describe() + ", column " + column
                + ": rows refer to each other in a cycle through " + ((RefTarget) row.values[i]).alias() + " ("
                + target.describe() + "), and column " + column + " is NOT NULL, so neither row can be inserted"
                + " first. Make the column nullable, or give the referenced key explicitly in the fixture and make the"
                + " foreign key DEFERRABLE.\n" + outcome.rolledBack());
    }

    /**
     * @param error the failure of checking the deferred constraints once every row was in
     * @return the exception to throw
     */
    SeedException deferredCheckFailed(SQLException error) {
        ServerError server = ServerError.of(error);
        return failure(new StringBuilder("Cannot load fixtures: a deferred constraint failed when checked at the end"
                + " of the load: ").append(server.summary()), server, List.of(), error);
    }

    /**
     * @param table the table
     * @param error the failure of a {@code COPY} whose rows then all inserted one by one
     * @return the exception to throw
     */
    SeedException copyNotReproduced(TableInfo table, SQLException error) {
        return new SeedException("Cannot load fixtures: COPY into " + table.displayName() + " failed, but every row"
                + " inserts on its own: " + ServerError.of(error).summary() + "\n" + outcome.rolledBack(), error);
    }

    /**
     * @param rows the rows of a multi-row {@code INSERT}
     * @param error the failure of the statement, whose rows then all inserted one by one
     * @return the exception to throw
     */
    SeedException batchNotReproduced(List<PlannedRow> rows, SQLException error) {
        return new SeedException("Cannot load fixtures: inserting rows " + rows.get(0).describe() + " to "
                + rows.get(rows.size() - 1).describe() + " failed together but not one by one: "
                + ServerError.of(error).summary() + "\n" + outcome.rolledBack(), error);
    }

    private SeedException failure(StringBuilder message, ServerError reported, List<String> columns,
            SQLException error) {
        String advice = advice(reported.sqlState() == null ? "" : reported.sqlState(), columns);
        if (!advice.isEmpty()) {
            message.append("\n  ").append(advice);
        }
        message.append('\n').append(outcome.rolledBack());
        return new SeedException(message.toString(), error);
    }

    /** @return {@code " (type) = "value""} for a column the row gives, else nothing */
    private String givenValue(PlannedRow row, String column) {
        for (int i = 0; i < row.columns.length; i++) {
            if (row.columns[i].name().equals(column)) {
                String value = text.of(row, i);
                return " (" + row.columns[i].displayType() + ") = " + (value == null ? "null" : "\"" + value + "\"");
            }
        }
        return "";
    }

    /** @return the 1-based parameter the server blamed, or 0 */
    private static int parameter(ServerError server) {
        Matcher m = server.where() == null ? null : PARAMETER.matcher(server.where());
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** @return the server's failure to read the text as the column's type, or {@code null} when it reads it */
    private SQLException castFailure(String value, ColumnInfo column) throws SQLException {
        return savepoints.attempt(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT ?::" + column.castType())) {
                RowText.bind(ps, List.of(value));
                ps.executeQuery().close();
            }
        });
    }

    private static String advice(String state, List<String> columns) {
        switch (state) {
            case "23503":
                return "Add the referenced row to the fixture, or refer to it with $ref:<alias> instead of a literal"
                        + " key.";
            case "23505":
                return "Each row needs its own key: remove the duplicate, or leave the key to its default.";
            case "23502":
                return "Give " + (columns.isEmpty() ? "the column" : "column " + columns.get(0))
                        + " a value, or give it a default in the schema.";
            case "23514":
                return "Change the value so that the check constraint holds.";
            default:
                return state.startsWith("22")
                        ? "Write the value as PostgreSQL's input for the column's type accepts it." : "";
        }
    }
}
