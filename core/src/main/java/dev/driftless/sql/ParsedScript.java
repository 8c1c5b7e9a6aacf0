package dev.driftless.sql;

import dev.driftless.internal.sql.ParsedSteps;
import dev.driftless.internal.sql.ScriptExecutor;
import dev.driftless.internal.sql.StatementKind;

import java.util.List;
import java.util.Optional;

/**
 * {@code ParsedScript} is a script split into its statements (includes expanded, variables interpolated) and whether
 * it runs in one transaction. Immutable.
 */
public final class ParsedScript {

    private final ParsedSteps steps;
    private final TransactionMode mode;
    private final String modeReason;
    private final List<Statement> statements;

    ParsedScript(ParsedSteps steps, TransactionMode mode, String modeReason) {
        this.steps = steps;
        this.mode = mode;
        this.modeReason = modeReason;
        this.statements = steps.statements().stream().map(Statement::new).toList();
    }

    /** @return the SQL statements in order (a {@code COPY ... FROM STDIN} carries its data), never {@code null} */
    public List<Statement> statements() {
        return statements;
    }

    /**
     * Says whether the runner wraps the script in one transaction. It does not when the script manages its own
     * {@code BEGIN}/{@code COMMIT} ({@code COMMIT AND CHAIN} alone does not count: it needs the transaction it runs
     * in, see {@link #chainedCommit()}), contains a statement that cannot run in a transaction
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
        return ScriptExecutor.noTransactionReason(steps, mode, modeReason, 0);
    }

    /**
     * Tells where a script that runs in one transaction commits part of its work: its first {@code COMMIT AND CHAIN}
     * (or {@code END AND CHAIN}) commits everything before it and goes on in a new transaction, as psql runs such a
     * file inside a transaction. A failure after it rolls back only what followed.
     *
     * @return e.g. {@code COMMIT AND CHAIN at 1652 _backfill/up.sql:7}, empty when the script has none or does not
     *     run in one transaction
     */
    public Optional<String> chainedCommit() {
        if (!runsInTransaction()) {
            return Optional.empty();
        }
        return steps.chainedCommit().map(s -> StatementKind.describe(s.sql()) + " at " + s.scriptName() + ":"
                + s.line());
    }

    /** @return why the transaction mode was set, when the script's creator said so */
    Optional<String> modeReason() {
        return Optional.ofNullable(modeReason);
    }

    ParsedSteps steps() {
        return steps;
    }

    TransactionMode mode() {
        return mode;
    }
}
