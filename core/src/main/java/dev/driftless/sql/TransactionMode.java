package dev.driftless.sql;

/**
 * {@code TransactionMode} says whether a script runs inside one transaction.
 */
public enum TransactionMode {
    /**
     * Decided from the script: one transaction, unless it manages its own ({@code BEGIN}/{@code COMMIT}; a
     * {@code COMMIT AND CHAIN} needs the transaction it runs in and does not count), contains a
     * statement that cannot run inside a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...), or
     * carries a marker comment ({@code -- driftless:no-transaction}, dbmate's
     * {@code -- migrate:up transaction:false}).
     */
    AUTO,
    /** Always one transaction. */
    TRANSACTION,
    /** Never a wrapping transaction: statements run one by one in autocommit. */
    NO_TRANSACTION
}
