package dev.driftless.sql;

import dev.driftless.internal.sql.ParsedSteps;
import dev.driftless.internal.sql.ScriptExecutor;

import java.util.List;
import java.util.Optional;

/**
 * {@code ParsedScript} is a script split into its statements (includes expanded, variables interpolated) and whether
 * it runs in one transaction. Immutable.
 */
public final class ParsedScript {

    private final ParsedSteps steps;
    private final TransactionMode mode;
    private final List<Statement> statements;

    ParsedScript(ParsedSteps steps, TransactionMode mode) {
        this.steps = steps;
        this.mode = mode;
        this.statements = steps.statements().stream().map(Statement::new).toList();
    }

    /** @return the SQL statements in order (a {@code COPY ... FROM STDIN} carries its data), never {@code null} */
    public List<Statement> statements() {
        return statements;
    }

    /**
     * Says whether the runner wraps the script in one transaction. It does not when the script manages its own
     * {@code BEGIN}/{@code COMMIT}, contains a statement that cannot run in a transaction
     * ({@code CREATE INDEX CONCURRENTLY}, {@code CREATE DATABASE}, {@code VACUUM}, {@code ALTER SYSTEM}, ...),
     * carries {@code -- driftless:no-transaction} or dbmate's {@code -- migrate:up transaction:false}, or its mode is
     * {@link TransactionMode#NO_TRANSACTION}. {@link TransactionMode#TRANSACTION} always makes it {@code true}.
     *
     * @return whether it runs in one transaction
     */
    public boolean runsInTransaction() {
        return noTransactionReason().isEmpty();
    }

    /**
     * @return why the script does not run in one transaction (e.g. {@code "CREATE INDEX CONCURRENTLY at a.sql:3
     *     cannot run inside a transaction block"}), empty when it does
     */
    public Optional<String> noTransactionReason() {
        return ScriptExecutor.noTransactionReason(steps, mode, 0);
    }

    ParsedSteps steps() {
        return steps;
    }

    TransactionMode mode() {
        return mode;
    }
}
