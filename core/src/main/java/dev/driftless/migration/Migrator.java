package dev.driftless.migration;

import dev.driftless.internal.migration.HistoryTable;
import dev.driftless.internal.migration.MigrationExecutor;
import dev.driftless.server.Database;
import dev.driftless.sql.ScriptRunner;

import java.sql.Connection;
import java.sql.SQLException;
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
 * }</pre>
 *
 * <p>Each migration runs in one transaction together with its history row, so a failure leaves the database at the
 * last good version. A migration that cannot run inside a transaction ({@link Migration#isTransactional()} is
 * {@code false}) runs in autocommit and its history row is written after it; if it fails, its row says so
 * ({@code success = false}) and the migrator refuses to continue until the row is removed. Migrating down past a
 * migration without a down script fails before changing anything, naming that migration.
 *
 * <p>Two migrators of the same history table wait for each other (an advisory lock). Each applied migration is
 * logged at INFO with its duration, followed by one summary line.
 */
public final class Migrator {

    /** {@code DEFAULT_HISTORY_TABLE} is the history table's name unless {@link #withHistoryTable(String)} says otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "driftless_schema_history";

    private final MigrationChain chain;
    private final DataSource dataSource;
    private final String historyTable;
    private final ScriptRunner runner;
    private final String databaseLabel;

    private Migrator(MigrationChain chain, DataSource dataSource, String historyTable, ScriptRunner runner,
            String databaseLabel) {
        this.chain = chain;
        this.dataSource = dataSource;
        this.historyTable = historyTable;
        this.runner = runner;
        this.databaseLabel = databaseLabel;
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
                DEFAULT_HISTORY_TABLE, ScriptRunner.create(), null);
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
        return new Migrator(chain, dataSource, name, runner, databaseLabel);
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
                databaseLabel);
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
     * Log lines keep the database's name, which is what one looks for in a server's logs.
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
        return new Migrator(chain, dataSource, historyTable, runner, label.strip());
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
     * @throws MigrationException when the version is not in the chain, a down script is missing (nothing is changed),
     *                            or a migration fails (the message has the script's file, line and server error)
     */
    public MigrationVersion migrateTo(String version) {
        return migrateTo(MigrationVersion.parse(version));
    }

    /**
     * Migrates up or down to a version of the chain; {@link MigrationVersion#EMPTY} reverts every migration.
     *
     * @param version the target
     * @return the version reached, never {@code null}
     * @throws MigrationException when the version is not in the chain, a down script is missing (nothing is changed),
     *                            or a migration fails
     */
    public MigrationVersion migrateTo(MigrationVersion version) {
        Objects.requireNonNull(version, "version");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            HistoryTable history = HistoryTable.resolve(historyTable, connection);
            history.lock(connection);
            try {
                return new MigrationExecutor(chain, runner, connection, history, databaseLabel).migrateTo(version);
            } finally {
                history.unlock(connection);
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot migrate to version " + version + ": " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]"), e);
        }
    }

    /**
     * Applies every migration not yet applied, then the repeatable migrations whose checksum changed.
     *
     * @return the version reached, never {@code null}
     * @throws MigrationException when a migration fails
     */
    public MigrationVersion migrateToLatest() {
        return migrateTo(chain.latestVersion());
    }

    /**
     * @return the highest version applied successfully, {@link MigrationVersion#EMPTY} when none (or no history table)
     * @throws MigrationException when the database cannot be read
     */
    public MigrationVersion currentVersion() {
        return MigrationExecutor.current(history());
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
