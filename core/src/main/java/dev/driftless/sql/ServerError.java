package dev.driftless.sql;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ServerError} is what PostgreSQL said when it refused something, read once from pgjdbc's exception: the
 * SQLSTATE, the message and each field the server sent. Every part of Driftless that explains a server error (the
 * script runner, the seeder's diagnosis, the migration checks, the schema inspector, the CLI) reads it from here,
 * never from the exception's text.
 *
 * <pre>{@code
 * ServerError error = ServerError.of(sqlException);
 * error.sqlState();          // "23505"
 * error.message();           // duplicate key value violates unique constraint "party_email_key"
 * error.constraint();        // Optional[party_email_key]
 * error.summary();           // [23505] duplicate key value violates ... \n  Detail: Key (email)=(a@b) already exists.
 * }</pre>
 *
 * @param sqlState the SQLSTATE, or {@code null} when the failure did not come from the server (a broken connection
 *     may still carry one)
 * @param message the server's primary message without the {@code ERROR:} prefix, or the driver's message
 * @param detail the detail, or {@code null}
 * @param hint the hint, or {@code null}
 * @param position the 1-based character position in the statement, or 0
 * @param internalQuery the internal query the error occurred in (a PL/pgSQL statement), or {@code null}
 * @param where the context (call stack, COPY line), or {@code null}
 * @param schema the schema of the object concerned, or {@code null}
 * @param table the table concerned, or {@code null}
 * @param column the column concerned, or {@code null}
 * @param constraint the constraint concerned, or {@code null}
 */
public record ServerError(String sqlState, String message, String detail, String hint, int position,
                          String internalQuery, String where, String schema, String table, String column,
                          String constraint) {

    private static final Pattern COPY_LINE = Pattern.compile("^COPY [^,]+, line (\\d+)");
    // The server writes "COPY t, line 3, column c: \"value\"" (or ": null input"); the lazy group lets a column name
    // hold a colon.
    private static final Pattern COPY_COLUMN =
            Pattern.compile("^COPY [^,]+, line \\d+, column (.+?): (?:\"|null input)");

    /**
     * Reads the error pgjdbc reported.
     *
     * @param error the exception, never {@code null}
     * @return the error; fields the server did not send are {@code null}
     */
    public static ServerError of(SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return new ServerError(error.getSQLState(), driverMessage(error), null, null, 0, null, null, null, null,
                    null, null);
        }
        return new ServerError(server.getSQLState() != null ? server.getSQLState() : error.getSQLState(),
                server.getMessage() != null ? server.getMessage() : driverMessage(error), server.getDetail(),
                server.getHint(), server.getPosition(), server.getInternalQuery(), server.getWhere(),
                server.getSchema(), server.getTable(), server.getColumn(), server.getConstraint());
    }

    private static String driverMessage(SQLException error) {
        String text = String.valueOf(error.getMessage()).strip();
        return text.startsWith("ERROR: ") ? text.substring("ERROR: ".length()) : text;
    }

    /** @return the constraint concerned, if the server named one */
    public Optional<String> constraintName() {
        return Optional.ofNullable(constraint);
    }

    /** @return the column concerned, if the server named one */
    public Optional<String> columnName() {
        return Optional.ofNullable(column);
    }

    /** @return the line of the COPY data that failed, as the context says ({@code COPY t, line 3}) */
    public OptionalInt copyLine() {
        if (where == null) {
            return OptionalInt.empty();
        }
        Matcher m = COPY_LINE.matcher(where);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * @return the column of the COPY data whose value the server could not read, as the context says
     *     ({@code COPY t, line 3, column c: "x"}); empty when the whole line failed (a constraint, a trigger)
     */
    public Optional<String> copyColumn() {
        if (where == null) {
            return Optional.empty();
        }
        Matcher m = COPY_COLUMN.matcher(where);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * @param sqlStateClass the first two characters of a SQLSTATE, e.g. {@code "23"} for integrity constraint
     *     violations
     * @return whether this error's SQLSTATE is in that class
     */
    public boolean inClass(String sqlStateClass) {
        return sqlState != null && sqlState.startsWith(sqlStateClass);
    }

    /**
     * @return {@code [SQLSTATE] message}, then the detail and hint on lines of their own (indented by two spaces):
     *     the way Driftless quotes a server error in its messages
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (sqlState != null) {
            text.append('[').append(sqlState).append("] ");
        }
        text.append(message);
        appendField(text, "Detail", detail);
        appendField(text, "Hint", hint);
        return text.toString();
    }

    /** @return the message with its SQLSTATE, on one line: {@code [42P01] relation "x" does not exist} */
    public String headline() {
        return (sqlState == null ? "" : "[" + sqlState + "] ") + message;
    }

    private static void appendField(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("\n  ").append(label).append(": ").append(value.replace("\n", "\n  "));
        }
    }
}
