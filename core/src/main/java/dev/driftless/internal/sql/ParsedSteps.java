package dev.driftless.internal.sql;

import java.util.List;
import java.util.Optional;

/**
 * {@code ParsedSteps} is a whole parsed script, includes expanded: its steps in order, its SQL statements, and the
 * marker comment that turns its transaction off, if any. Immutable.
 *
 * @param steps statements and meta-command actions, in order
 * @param statements the SQL statements only, in order
 * @param noTransactionMarker the marker comment found (e.g. {@code -- driftless:no-transaction} at a.sql:1), if any
 */
public record ParsedSteps(List<ScriptStep> steps, List<ParsedStatement> statements,
        Optional<String> noTransactionMarker) {

    /**
     * Copies the lists.
     *
     * @param steps the value for the {@code steps} record component
     * @param statements the value for the {@code statements} record component
     * @param noTransactionMarker the value for the {@code noTransactionMarker} record component
     */
    public ParsedSteps {
        steps = List.copyOf(steps);
        statements = List.copyOf(statements);
    }

    /**
     * Says why the script cannot run in one transaction, if it cannot.
     *
     * @param serverMajor the server's major version, or 0 when unknown (then {@code ALTER TYPE ... ADD VALUE} is
     *     taken as fine in a transaction)
     * @return the reason, e.g. {@code "a.sql:12: CREATE INDEX CONCURRENTLY cannot run inside a transaction"}
     */
    public Optional<String> noTransactionReason(int serverMajor) {
        if (noTransactionMarker.isPresent()) {
            return Optional.of("it carries the marker " + noTransactionMarker.get());
        }
        for (ParsedStatement s : statements) {
            switch (s.kind()) {
                case TRANSACTION_CHAIN:
                    break; // needs the transaction it runs in: see chainedCommit()
                case TRANSACTION_CONTROL:
                    return Optional.of("it manages its own transactions (" + StatementKind.describe(s.sql()) + " at "
                            + s.scriptName() + ":" + s.line() + ")");
                case NON_TRANSACTIONAL:
                    return Optional.of(StatementKind.describe(s.sql()) + " at " + s.scriptName() + ":" + s.line()
                            + " cannot run inside a transaction block");
                case ADD_ENUM_VALUE:
                    if (serverMajor > 0 && serverMajor < 12) {
                        return Optional.of("ALTER TYPE ... ADD VALUE at " + s.scriptName() + ":" + s.line()
                                + " cannot run inside a transaction block before PostgreSQL 12");
                    }
                    break;
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the first {@code COMMIT AND CHAIN} (or {@code END AND CHAIN}): a script that runs in one transaction
     * commits its work up to there and goes on in a new transaction, so it is not atomic.
     *
     * @return the statement, empty when the script has none
     */
    public Optional<ParsedStatement> chainedCommit() {
        return statements.stream().filter(s -> StatementKind.commitsAndChains(s.sql())).findFirst();
    }
}
