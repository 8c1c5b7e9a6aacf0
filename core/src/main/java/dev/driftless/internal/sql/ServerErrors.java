package dev.driftless.internal.sql;

import dev.driftless.sql.ScriptException;
import dev.driftless.sql.ServerError;

import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * {@code ServerErrors} turns a failed statement into one {@link ScriptException}: file, line and column mapped from the
 * server's error position (or the COPY data line) into the file, SQLSTATE, message, detail, hint and context, the
 * statement's lines with a caret (the exception's {@linkplain ScriptException#failure() failure}), and what happened to
 * the script's transaction (its {@linkplain ScriptException#outcome() outcome}).
 */
public final class ServerErrors {

    private ServerErrors() {
    }

    /**
     * Describes a failed statement.
     *
     * @param statement the statement that failed
     * @param error what pgjdbc threw
     * @param outcome a sentence saying what happened to the script's work, e.g. that it was rolled back
     * @return the exception to throw
     */
    public static ScriptException of(ParsedStatement statement, SQLException error, String outcome) {
        ServerError server = ServerError.of(error);
        String sqlState = server.sqlState();
        String text = server.message();
        LineIndex lines = statement.lines();
        int lineOffset = statement.source().firstLine() - 1;
        int firstLine = lines.line(statement.start());
        int lastLine = lines.line(Math.max(statement.start(), statement.end() - 1));

        int offset = statement.start();
        boolean caret = false;
        int snippetFirst = firstLine;
        int snippetLast = lastLine;
        int position = server.position();
        OptionalInt copyLine = statement.copyData() != null ? server.copyLine() : OptionalInt.empty();
        if (position > 0) {
            offset = statement.sourceOffset(position);
            caret = true;
        } else if (copyLine.isPresent()) {
            int dataLine = lines.line(statement.copyDataStart()) + copyLine.getAsInt() - 1;
            if (dataLine <= lines.lineCount()) {
                offset = offsetOfLine(lines, dataLine);
                snippetFirst = dataLine;
                snippetLast = dataLine;
                caret = true;
            }
        }
        int line = lines.line(offset) + lineOffset;
        int column = lines.column(offset);

        StringBuilder message = new StringBuilder();
        message.append(statement.scriptName()).append(':').append(line).append(':').append(column);
        if (sqlState != null) {
            message.append(" [").append(sqlState).append(']');
        }
        message.append(' ').append(text).append('\n');
        message.append(Snippet.render(lines, lineOffset, snippetFirst, snippetLast, caret ? lines.line(offset) : 0,
                column));
        appendField(message, "Detail", server.detail());
        appendField(message, "Hint", server.hint());
        appendField(message, "Where", server.where());
        appendField(message, "Internal query", server.internalQuery());
        if (statement.includedFrom() != null) {
            message.append(ScriptParser.includeLine(statement.includedFrom()));
        }
        return new ScriptException(withoutLastLineBreak(message), outcome, statement.scriptName(), line, column,
                sqlState, error);
    }

    /**
     * Describes a failed {@code COMMIT} of the script's transaction, for instance a deferred constraint.
     *
     * @param scriptName the script's display name
     * @param error what pgjdbc threw
     * @return the exception to throw
     */
    public static ScriptException atCommit(String scriptName, SQLException error) {
        ServerError server = ServerError.of(error);
        String sqlState = server.sqlState();
        String text = server.message();
        StringBuilder message = new StringBuilder(scriptName);
        if (sqlState != null) {
            message.append(" [").append(sqlState).append(']');
        }
        message.append(" COMMIT failed at the end of the script: ").append(text).append('\n');
        appendField(message, "Detail", server.detail());
        appendField(message, "Hint", server.hint());
        appendField(message, "Where", server.where());
        return new ScriptException(withoutLastLineBreak(message), "A deferred constraint or trigger fires at COMMIT, so"
                + " no statement of the script is to blame alone. The script ran in one transaction, which was rolled"
                + " back: nothing of it was applied.", scriptName, 0, 0, sqlState, error);
    }

    private static String withoutLastLineBreak(StringBuilder message) {
        int end = message.length();
        return end > 0 && message.charAt(end - 1) == '\n' ? message.substring(0, end - 1) : message.toString();
    }

    private static int offsetOfLine(LineIndex lines, int line) {
        int low = 0;
        int high = lines.text().length();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (lines.line(mid) < line) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void appendField(StringBuilder message, String label, String value) {
        if (value != null && !value.isBlank()) {
            message.append(label).append(": ").append(value.replace("\n", "\n  ")).append('\n');
        }
    }
}
