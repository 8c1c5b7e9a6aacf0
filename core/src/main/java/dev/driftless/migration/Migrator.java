package dev.driftless.migration;

import dev.driftless.internal.migration.HistoryTable;
import dev.driftless.internal.migration.MigrationExecutor;
import dev.driftless.server.Database;
import dev.driftless.sql.ScriptRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@code Migrator} moves a database along a {@link MigrationChain}: forward with up scripts, backward with down
 * scripts (newest first), recording each applied migration in a history table. Immutable; safe to share.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.of(MigrationChain.at("classpath:db/migrations"), database);
 * migrator.migrateTo("003");        // up or down
 * migrator.migrateToLatest();
 * MigrationVersion now = migrator.currentVersion();
 * MigrationResult result = migrator.migrate(MigrationVersion.parse("004"));  // what this run did, from which version
 * }</pre>
 *
 * <p>Each migration runs in one transaction together with its history row, so a failure leaves the database at the
 * last good version. A migration that cannot run inside a transaction ({@link Migration#isTransactional()} is
 * {@code false}) runs in autocommit, statement by statement; its history row is written and committed before its first
 * statement (state {@code started}), and completed after it. If it fails, the message says which of its statements
 * had been committed and which INVALID indexes it left; when nothing of it stayed (a script whose own
 * {@code BEGIN ... COMMIT} was rolled back) its row is removed again, else the row says {@code failed}. A row left
 * {@code started} or {@code failed} (a run killed half-way, a partial failure) makes every later run refuse, naming the
 * migration, what may be half-applied and how to repair, until a person has looked and deleted the row, as with
 * Flyway's {@code repair}.
 *
 * <p>Before changing anything, a run also refuses (and changes nothing) when a pending migration has a version below
 * the highest applied one, unless {@link #withOutOfOrder(boolean)} allows it; when the history records an applied
 * migration that the chain does not have, unless {@link #withIgnoreMissingMigrations(boolean)} allows it; and when
 * migrating down would pass a migration without a down script.
 *
 * <p>Two migrators of the same history table wait for each other (an advisory lock); each reads the history only after
 * it holds the lock, so a run that waited finds the work done and says so ({@link #migrate(MigrationVersion)}). Each
 * applied migration is logged at INFO with its duration, followed by one summary line.
 */
public final class Migrator {

    /** {@code DEFAULT_HISTORY_TABLE} is the history table's name unless {@link #withHistoryTable(String)} says otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "driftless_schema_history";

    private final MigrationChain chain;
    private final DataSource dataSource;
    private final String historyTable;
    private final ScriptRunner runner;
    private final String databaseLabel;
    private final boolean outOfOrder;
    private final boolean ignoreMissing;

    private Migrator(MigrationChain chain, DataSource dataSource, String historyTable, ScriptRunner runner,
            String databaseLabel, boolean outOfOrder, boolean ignoreMissing) {
        this.chain = chain;
        this.dataSource = dataSource;
        this.historyTable = historyTable;
        this.runner = runner;
        this.databaseLabel = databaseLabel;
        this.outOfOrder = outOfOrder;
        this.ignoreMissing = ignoreMissing;
    }

    /**
     * Makes a migrator of a database.
     *
     * @param chain the migrations
     * @param database the database to migrate
     * @return the migrator, never {@code null}
     */
    public static Migrator of(MigrationChain chain, Database database) {
        return of(chain, Objects.requireNonNull(database, "database").dataSource());
    }

    /**
     * Makes a migrator of the database a data source connects to.
     *
     * @param chain the migrations
     * @param dataSource connects to the database to migrate; each call of a migrator method opens one connection
     * @return the migrator, never {@code null}
     */
    public static Migrator of(MigrationChain chain, DataSource dataSource) {
        return new Migrator(Objects.requireNonNull(chain, "chain"), Objects.requireNonNull(dataSource, "dataSource"),
                DEFAULT_HISTORY_TABLE, ScriptRunner.create(), null, false, false);
    }

    /**
     * Returns a migrator using another history table.
     *
     * @param name {@code table} or {@code schema.table}, e.g. {@code schema_migrations}
     * @return a new migrator
     * @throws IllegalArgumentException when the name is not {@code table} or {@code schema.table}
     */
    public Migrator withHistoryTable(String name) {
        HistoryTable.check(Objects.requireNonNull(name, "name"));
        return new Migrator(chain, dataSource, name, runner, databaseLabel, outOfOrder, ignoreMissing);
    }

    /**
     * Returns a migrator running scripts with another runner, e.g. one with psql variables
     * ({@code ScriptRunner.create().withVariable("schema", "app")}).
     *
     * @param scriptRunner the runner
     * @return a new migrator
     */
    public Migrator withScriptRunner(ScriptRunner scriptRunner) {
        return new Migrator(chain, dataSource, historyTable, Objects.requireNonNull(scriptRunner, "scriptRunner"),
                databaseLabel, outOfOrder, ignoreMissing);
    }

    /**
     * Returns a migrator whose failure messages call the database by a label instead of by its name. By default a
     * message names the database ("...; database app stays at version 001."); a tool that migrates a temporary
     * database it drops afterwards (a template being built, a scratch database for a check) gives a label that
     * tells its reader more than a generated name would:
     * <pre>{@code
     * Migrator.of(chain, scratch).withDatabaseLabel("the check's database").migrateToLatest();
     * // The migration 003 booking index (...) failed and was rolled back; the check's database stays at version 002.
     * }</pre>
     * Log lines keep the database's name, which is what one looks for in a server's logs. Since such a database is
     * thrown away, a failure message then tells to fix the script rather than how to repair the database's history
     * by hand.
     *
     * @param label a noun phrase standing where the messages would say {@code database <name>}, e.g.
     *     {@code "the check's database"}; not blank
     * @return a new migrator
     * @throws IllegalArgumentException when the label is blank
     */
    public Migrator withDatabaseLabel(String label) {
        if (Objects.requireNonNull(label, "label").isBlank()) {
            throw new IllegalArgumentException("A database label must not be blank; leave it out to name the"
                    + " database in messages");
        }
        return new Migrator(chain, dataSource, historyTable, runner, label.strip(), outOfOrder, ignoreMissing);
    }

    /**
     * Returns a migrator that applies pending migrations whose version is below the highest applied one, like
     * Flyway's {@code outOfOrder}. Say 001 and 003 are applied and 002 joins the chain (a branch merged late): by
     * default a run refuses before changing anything, naming 002 and 003; with {@code outOfOrder} it applies 002.
     * Either way, pending migrations run in version order, so with 004 also pending the run applies 002, then 004.
     *
     * @param allowed {@code true} to apply such migrations, {@code false} (the default) to refuse
     * @return a new migrator
     */
    public Migrator withOutOfOrder(boolean allowed) {
        return new Migrator(chain, dataSource, historyTable, runner, databaseLabel, allowed, ignoreMissing);
    }

    /**
     * Returns a migrator that tolerates applied migrations the chain does not have, like Flyway's
     * {@code ignoreMissingMigrations}: they are logged as a warning and still count for the database's version. By
     * default a run refuses before changing anything, naming them, since a history the chain does not match is most
     * often the wrong chain or a deleted file. A missing migration above the target still cannot be reverted: the
     * run refuses, naming it.
     *
     * @param allowed {@code true} to tolerate them, {@code false} (the default) to refuse
     * @return a new migrator
     */
    public Migrator withIgnoreMissingMigrations(boolean allowed) {
        return new Migrator(chain, dataSource, historyTable, runner, databaseLabel, outOfOrder, allowed);
    }

    /** @return the chain this migrator follows */
    public MigrationChain chain() {
        return chain;
    }

    /** @return the history table's name as configured */
    public String historyTable() {
        return historyTable;
    }

    /**
     * Migrates up or down to a version of the chain.
     *
     * @param version a version of the chain as text, e.g. {@code 003} or {@code 1.1} (compared numerically)
     * @return the version reached, never {@code null}
     * @throws MigrationException when the version is not in the chain, the run refuses (nothing is changed: a down
     *                            script is missing, a pending migration is out of order, an applied one is missing
     *                            from the chain, an earlier one did not finish), or a migration fails (the message
     *                            has the script's file, line and server error)
     */
    public MigrationVersion migrateTo(String version) {
        return migrateTo(MigrationVersion.parse(version));
    }

    /**
     * Migrates up or down to a version of the chain; {@link MigrationVersion#EMPTY} reverts every migration.
     *
     * @param version the target
     * @return the version reached, never {@code null}
     * @throws MigrationException when the version is not in the chain, the run refuses (nothing is changed), or a
     *                            migration fails
     */
    public MigrationVersion migrateTo(MigrationVersion version) {
        return migrate(version).reached();
    }

    /**
     * Migrates up or down to a version of the chain, like {@link #migrateTo(MigrationVersion)}, and tells what this
     * run did. The history is read after the run holds the migration lock, so a run that waited for a concurrent one
     * reports only its own work: {@code from} is the version it found, {@code applied} empty when the other had done
     * it all.
     *
     * @param version the target, e.g. {@code chain.latestVersion()}; {@link MigrationVersion#EMPTY} reverts everything
     * @return what this run did, never {@code null}
     * @throws MigrationException when the version is not in the chain, the run refuses (nothing is changed), or a
     *                            migration fails; {@link MigrationException#completed()} tells what the run had done
     *                            before
     */
    public MigrationResult migrate(MigrationVersion version) {
        Objects.requireNonNull(version, "version");
        MigrationExecutor executor = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            HistoryTable history = HistoryTable.resolve(historyTable, connection);
            boolean checking = checkClientConnection(connection);
            try {
                history.lock(connection);
                try {
                    executor = new MigrationExecutor(chain, runner, connection, history, databaseLabel, outOfOrder,
                            ignoreMissing);
                    return executor.migrateTo(version);
                } finally {
                    history.unlock(connection);
                }
            } finally {
                if (checking) {
                    resetClientConnectionCheck(connection);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot migrate to version " + version + ": " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]"), e,
                    executor == null ? null : executor.progress());
        }
    }

    /**
     * Has the server check, while a migration runs, that this JVM is still connected (PostgreSQL 14 and later, on
     * platforms that support it), so that when the JVM is killed its session ends within seconds: otherwise a
     * statement waiting for a lock would go on, holding the migration lock, and might even complete after the
     * history row said it had started.
     */
    private static boolean checkClientConnection(Connection connection) {
        try (Statement st = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
                return false;
            }
            st.execute("SET client_connection_check_interval = '1s'");
            return true;
        } catch (SQLException e) {
            return false; // a platform without the check: the session ends when the server next writes to it
        }
    }

    /**
     * Undoes {@link #checkClientConnection} for a pooled connection. A connection that cannot take it is broken and
     * about to be closed; its failure must not hide the run's own outcome.
     */
    private static void resetClientConnectionCheck(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("RESET client_connection_check_interval");
        } catch (SQLException e) {
            // the run's result or exception says what happened; this connection is closed next
        }
    }

    /**
     * Migrates to the chain's latest version: applies every migration not yet applied, oldest first, then the
     * repeatable migrations whose checksum changed.
     *
     * @return the version reached, never {@code null}
     * @throws MigrationException when the run refuses (nothing is changed) or a migration fails
     */
    public MigrationVersion migrateToLatest() {
        return migrateTo(chain.latestVersion());
    }

    /**
     * @return the last version applied successfully, in the chain's order ({@link MigrationChain#versionOrder()});
     *     {@link MigrationVersion#EMPTY} when none (or no history table)
     * @throws MigrationException when the database cannot be read
     */
    public MigrationVersion currentVersion() {
        return MigrationExecutor.current(history(), chain.versionOrder());
    }

    /**
     * @return the history table's rows, oldest first; empty when there is no history table yet
     * @throws MigrationException when the database cannot be read
     */
    public List<AppliedMigration> history() {
        try (Connection connection = dataSource.getConnection()) {
            return HistoryTable.resolve(historyTable, connection).rows(connection);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the history table " + historyTable + ": " + e.getMessage(), e);
        }
    }

    /** @return e.g. {@code Migrator[MigrationChain[...], history driftless_schema_history]} */
    @Override
    public String toString() {
        return "Migrator[" + chain + ", history " + historyTable + "]";
    }
}
