package dev.driftless.internal.sql;

import dev.driftless.sql.ScriptException;
import dev.driftless.sql.TransactionMode;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * {@code ScriptExecutor} runs parsed steps on a connection with the transaction handling of
 * {@code dev.driftless.sql.ScriptRunner}: the script's own transaction, the caller's, or none.
 */
public final class ScriptExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("dev.driftless.sql.ScriptRunner");

    private final ParsedSteps parsed;
    private final String scriptName;
    private final String modeReason;
    private final Connection connection;
    private int executed;
    private int applied;
    /** The last {@code COMMIT AND CHAIN} that ran, and how many statements had run and stay committed through it. */
    private ParsedStatement chainedCommit;
    private int committedThroughChain;

    private ScriptExecutor(ParsedSteps parsed, String scriptName, String modeReason, Connection connection) {
        this.parsed = parsed;
        this.scriptName = scriptName;
        this.modeReason = modeReason;
        this.connection = connection;
    }

    /**
     * Decides whether a script runs in one transaction.
     *
     * @param parsed the parsed script
     * @param mode the script's transaction mode
     * @param modeReason why the mode was set (e.g. the migration layout's rule), or {@code null}
     * @param serverMajor the server's major version, or 0 when unknown
     * @return empty when it runs in one transaction, else why not
     */
    public static Optional<String> noTransactionReason(ParsedSteps parsed, TransactionMode mode, String modeReason,
            int serverMajor) {
        return switch (mode) {
            case TRANSACTION -> Optional.empty();
            case NO_TRANSACTION -> Optional.of(modeReason != null ? modeReason
                    : "its transaction mode is NO_TRANSACTION");
            case AUTO -> parsed.noTransactionReason(serverMajor);
        };
    }

    /**
     * Runs a parsed script.
     *
     * @param parsed the parsed script
     * @param scriptName its display name
     * @param mode its transaction mode
     * @param modeReason why the mode was set, or {@code null}
     * @param connection where to run it
     * @return the number of SQL statements run
     * @throws ScriptException for the first failing statement, or before running anything when the script cannot run
     *     as asked
     */
    public static int run(ParsedSteps parsed, String scriptName, TransactionMode mode, String modeReason,
            Connection connection) {
        ScriptExecutor executor = new ScriptExecutor(parsed, scriptName, modeReason, connection);
        try {
            return executor.run(mode);
        } catch (SQLException e) {
            throw new ScriptException(scriptName + ": the connection failed while running the script: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + "). Check that the database is reachable.",
                    scriptName, 0, 0, e.getSQLState(), e);
        }
    }

    private int run(TransactionMode mode) throws SQLException {
        checkConnects();
        Optional<String> noTransaction = noTransactionReason(parsed, mode, modeReason,
                connection.getMetaData().getDatabaseMajorVersion());
        if (!connection.getAutoCommit()) {
            if (noTransaction.isPresent()) {
                throw new ScriptException(scriptName + " cannot run inside the caller's transaction: "
                        + noTransaction.get() + ". Nothing was run. Run it on a connection in autocommit mode; the"
                        + " runner then runs it statement by statement.", scriptName, 0, 0, null, null);
            }
            runAll("The statements ran in the caller's transaction, which is now aborted: roll it back."
                    + " Nothing was committed.", "the caller's transaction it went on in is now aborted: roll it back.");
            return executed;
        }
        if (noTransaction.isPresent()) {
            LOG.info("{} runs outside a transaction, statement by statement: {}", scriptName, noTransaction.get());
            runAutocommit(noTransaction.get());
            return executed;
        }
        connection.setAutoCommit(false);
        boolean committed = false;
        try {
            runAll("The script ran in one transaction, which was rolled back: nothing of it was applied.",
                    "the rest of it was rolled back.");
            try {
                connection.commit();
            } catch (SQLException e) {
                throw ServerErrors.atCommit(scriptName, e);
            }
            committed = true;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
            connection.setAutoCommit(true);
        }
        return executed;
    }

    private void checkConnects() throws SQLException {
        String current = null;
        for (ScriptStep step : parsed.steps()) {
            if (step instanceof MetaAction action && action.kind() == MetaAction.Kind.CONNECT
                    && !action.argument().isEmpty()) {
                if (current == null) {
                    current = connection.getCatalog();
                }
                if (!action.argument().equals(current)) {
                    throw new ScriptException(action.scriptName() + ":" + action.line() + ":1 " + action.text()
                            + " connects to database \"" + action.argument() + "\", but the script runs on \""
                            + current + "\". Driftless runs a script on one database; nothing was run. Remove the"
                            + " \\connect line (pg_dump writes it with --create) or run the script on that database.",
                            action.scriptName(), action.line(), 1, null, null);
                }
            }
        }
    }

    /**
     * Runs every step in the transaction open on the connection.
     *
     * @param outcome what became of the script's work when nothing of it was committed
     * @param afterChainedCommit what became of the work after the last {@code COMMIT AND CHAIN}, when one ran
     */
    private void runAll(String outcome, String afterChainedCommit) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            for (ScriptStep step : parsed.steps()) {
                if (step instanceof ParsedStatement statement) {
                    try {
                        execute(jdbc, statement);
                        if (StatementKind.commitsAndChains(statement.sql())) {
                            chainedCommit = statement;
                            committedThroughChain = executed;
                        }
                    } catch (SQLException e) {
                        throw ServerErrors.of(statement, e, chainedCommit == null ? outcome
                                : "The script committed part of its work with " + StatementKind.describe(
                                        chainedCommit.sql()) + " at " + chainedCommit.scriptName() + ":"
                                        + chainedCommit.line() + ": the " + count(committedThroughChain - 1)
                                        + " before it stay applied; " + afterChainedCommit);
                    }
                } else {
                    act((MetaAction) step);
                }
            }
        }
    }

    private void runAutocommit(String reason) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            for (ScriptStep step : parsed.steps()) {
                if (step instanceof ParsedStatement statement) {
                    try {
                        execute(jdbc, statement);
                        if (transactionState() == TransactionState.IDLE
                                || StatementKind.commitsAndChains(statement.sql())) {
                            applied = executed;
                        }
                    } catch (SQLException e) {
                        boolean rolledBack = rollbackOpenTransaction();
                        int stay = rolledBack ? applied : executed;
                        String statements = count(stay);
                        String outcome = "The script ran outside a transaction (" + reason + "): " + (rolledBack
                                ? "the transaction it had opened was rolled back; the " + statements + " before that"
                                : "the " + statements + " before this one") + " stay applied.";
                        throw ServerErrors.of(statement, e, outcome);
                    }
                } else {
                    act((MetaAction) step);
                }
            }
        }
        if (rollbackOpenTransaction()) {
            LOG.warn("{} left a transaction open (BEGIN without COMMIT); it was rolled back", scriptName);
        }
    }

    private static String count(int statements) {
        return statements + " statement" + (statements == 1 ? "" : "s");
    }

    private void execute(Statement jdbc, ParsedStatement statement) throws SQLException {
        if (statement.copyData() != null) {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(statement.sql(), new StringReader(statement.copyData()));
            } catch (IOException e) {
                throw new SQLException("COPY data could not be sent: " + e.getMessage(), "08006", e);
            }
        } else {
            jdbc.execute(statement.sql());
        }
        executed++;
    }

    private void act(MetaAction action) {
        switch (action.kind()) {
            case ECHO -> LOG.info("{}:{}: {}", action.scriptName(), action.line(), action.argument());
            case WARN -> LOG.warn("{}:{}: {}", action.scriptName(), action.line(), action.argument());
            case CONNECT -> {
                // checked before anything ran
            }
            default -> throw new IllegalStateException(action.kind().name());
        }
    }

    private TransactionState transactionState() throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState();
    }

    private boolean rollbackOpenTransaction() throws SQLException {
        if (transactionState() == TransactionState.IDLE) {
            return false;
        }
        try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
        }
        return true;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("{}: rolling back failed: {}", scriptName, e.getMessage());
        }
    }
}
