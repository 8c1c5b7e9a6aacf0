package dev.driftless.sql;

import dev.driftless.DriftlessException;

import java.util.Optional;

/**
 * {@code ScriptException} is a script that could not be read, parsed or run. Its message reads like
 * <pre>
 * sql/migrations/003_orders.sql:42:5 [42P07] relation "orders" already exists
 *   41 |
 *   42 | CREATE TABLE orders (
 *      |     ^
 *   43 |   id bigint
 * </pre>
 * and also carries the server's detail, hint and context and what happened to the script's transaction.
 */
public class ScriptException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    private final String scriptName;
    private final int line;
    private final int column;
    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message the whole message for people, never {@code null}
     * @param scriptName the script's display name
     * @param line the 1-based line in that script, or 0 when the problem has no line
     * @param column the 1-based column, or 0 when unknown
     * @param sqlState the server's SQLSTATE, or {@code null} when the server was not involved
     * @param cause the underlying failure, or {@code null}
     */
    public ScriptException(String message, String scriptName, int line, int column, String sqlState,
            Throwable cause) {
        super(message, cause);
        this.scriptName = scriptName;
        this.line = line;
        this.column = column;
        this.sqlState = sqlState;
    }

    /** @return the display name of the script where the problem is (an included file when it is there) */
    public String scriptName() {
        return scriptName;
    }

    /** @return the 1-based line of the problem in {@link #scriptName()}, or 0 when it has none */
    public int line() {
        return line;
    }

    /** @return the 1-based column of the problem, or 0 when unknown */
    public int column() {
        return column;
    }

    /** @return the server's SQLSTATE when the server reported the problem */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
