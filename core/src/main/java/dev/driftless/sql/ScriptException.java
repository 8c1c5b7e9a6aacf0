package dev.driftless.sql;

import dev.driftless.DriftlessException;
import dev.driftless.Printable;

import java.util.Objects;
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
 * and also carries the server's detail, hint and context. Its last line says what became of the script's work
 * (its {@linkplain #outcome() outcome}), for instance
 * <pre>
 * The script ran in one transaction, which was rolled back: nothing of it was applied.
 * </pre>
 * Code that owns the transaction and reports the failure its own way (a migrator that rolls back and says which
 * version the database stays at) uses {@link #failure()}, the message without that sentence.
 *
 * <p>Control characters in the message (from a binary file, a hostile file name, the server quoting a statement) are
 * shown escaped as {@code <U+0001>}, never raw, so printing a message cannot garble a terminal; tabs and line breaks
 * stay.
 */
public class ScriptException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, without the outcome: see {@link #failure()}. */
    private final String failure;
    /** What became of the script's work, or {@code null}: see {@link #outcome()}. */
    private final String outcome;
    /** The display name of the script where the problem is. */
    private final String scriptName;
    /** The 1-based line of the problem, or 0. */
    private final int line;
    /** The 1-based column of the problem, or 0. */
    private final int column;
    /** The server's SQLSTATE, or {@code null}. */
    private final String sqlState;

    /**
     * Creates an exception whose message is only the failure: for problems found before anything ran (a script that
     * cannot be read or parsed, or cannot run as asked), where there is no outcome to report.
     *
     * @param message the whole message for people, never {@code null}; {@link #failure()} returns it
     * @param scriptName the script's display name
     * @param line the 1-based line in that script, or 0 when the problem has no line
     * @param column the 1-based column, or 0 when unknown
     * @param sqlState the server's SQLSTATE, or {@code null} when the server was not involved
     * @param cause the underlying failure, or {@code null}
     */
    public ScriptException(String message, String scriptName, int line, int column, String sqlState,
            Throwable cause) {
        this(message, null, scriptName, line, column, sqlState, cause);
    }

    /**
     * Creates an exception for a script that failed while running. Its message is the failure, then the outcome on
     * a line of its own.
     *
     * @param failure what went wrong, for people, never {@code null}: where, the SQLSTATE and server's message, the
     *     statement, the server's detail and hint; without a trailing line break
     * @param outcome what became of the script's work, e.g. {@code "The script ran in one transaction, which was
     *     rolled back: nothing of it was applied."}, or {@code null} when there is nothing to say
     * @param scriptName the script's display name
     * @param line the 1-based line in that script, or 0 when the problem has no line
     * @param column the 1-based column, or 0 when unknown
     * @param sqlState the server's SQLSTATE, or {@code null} when the server was not involved
     * @param cause the underlying failure, or {@code null}
     */
    public ScriptException(String failure, String outcome, String scriptName, int line, int column, String sqlState,
            Throwable cause) {
        super(Printable.of(outcome == null ? Objects.requireNonNull(failure, "failure")
                : Objects.requireNonNull(failure, "failure") + "\n" + outcome), cause);
        this.failure = Printable.of(failure);
        this.outcome = outcome;
        this.scriptName = scriptName;
        this.line = line;
        this.column = column;
        this.sqlState = sqlState;
    }

    /**
     * {@code failure} is the message without its {@linkplain #outcome() outcome}: where the script failed, the
     * server's SQLSTATE and message, the statement's lines with a caret, the server's detail, hint and context, and
     * the include chain. Code that owns the script's transaction reports the outcome itself and adds this text, e.g.
     * <pre>{@code
     * connection.setAutoCommit(false);          // the transaction is ours, not the runner's
     * try {
     *     ScriptRunner.create().run(script, connection);
     *     connection.commit();
     * } catch (ScriptException e) {
     *     connection.rollback();
     *     throw new IllegalStateException("The import failed; nothing was imported.\n" + e.failure(), e);
     * }
     * }</pre>
     *
     * @return the failure, never {@code null}; the whole message when there is no outcome
     */
    public String failure() {
        return failure;
    }

    /**
     * {@code outcome} is the message's closing note on what became of the script's work: that the script's own
     * transaction was rolled back (after a failed {@code COMMIT}, with why no statement is named), how many statements
     * stay applied when it ran outside a transaction, or that the caller's transaction is aborted and must be rolled
     * back. Empty for problems found before anything ran.
     *
     * @return the outcome, one or more sentences without a line break
     */
    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
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
