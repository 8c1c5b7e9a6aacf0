package dev.driftless.internal.migration;

import dev.driftless.sql.TransactionMode;

/**
 * {@code TransactionRule} is how the tool that owns a migration layout runs one script with respect to transactions,
 * and the rule that decided it, in words for messages: diesel wraps every migration in a transaction unless its
 * {@code metadata.toml} says otherwise, sqitch runs scripts with psql, and so on (docs/migrations.md has one table per
 * layout).
 *
 * @param mode the mode the script runs in; {@link TransactionMode#AUTO} leaves it to the script's statements
 * @param reason the rule, a clause such as {@code "its metadata.toml sets run_in_transaction = false, as diesel reads
 *     it"}; {@code null} with {@link TransactionMode#AUTO}
 */
public record TransactionRule(TransactionMode mode, String reason) {

    /** {@code AUTO} decides from the script's own statements, as Driftless does for layouts without a tool. */
    public static final TransactionRule AUTO = new TransactionRule(TransactionMode.AUTO, null);

    /**
     * @param reason why the tool runs the script in one transaction
     * @return the rule
     */
    public static TransactionRule inTransaction(String reason) {
        return new TransactionRule(TransactionMode.TRANSACTION, reason);
    }

    /**
     * @param reason why the tool runs the script outside a transaction
     * @return the rule
     */
    public static TransactionRule outside(String reason) {
        return new TransactionRule(TransactionMode.NO_TRANSACTION, reason);
    }

    /** @return whether the script runs statement by statement, outside a transaction */
    public boolean noTransaction() {
        return mode == TransactionMode.NO_TRANSACTION;
    }
}
