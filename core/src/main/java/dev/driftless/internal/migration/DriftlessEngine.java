package dev.driftless.internal.migration;

import dev.driftless.migration.AppliedMigration;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationResult;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.migration.RepeatableMigration;
import dev.driftless.server.Database;
import dev.driftless.sql.ServerError;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.TemplateKey;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code DriftlessEngine} is Driftless's own runner as a {@link MigrationEngine}: a {@link Migrator} of the chain per
 * database, reverting with down scripts. Immutable.
 */
public final class DriftlessEngine implements MigrationEngine {

    private final MigrationChain chain;
    private final String label;

    private DriftlessEngine(MigrationChain chain, String label) {
        this.chain = chain;
        this.label = label;
    }

    /**
     * @param chain the chain
     * @return its engine
     */
    public static DriftlessEngine of(MigrationChain chain) {
        return new DriftlessEngine(Objects.requireNonNull(chain, "chain"), null);
    }

    /** @return the chain */
    public MigrationChain chain() {
        return chain;
    }

    @Override
    public String name() {
        return "Driftless";
    }

    @Override
    public String location() {
        return chain.location();
    }

    @Override
    public List<Migration> migrations(Database database) {
        return chain.migrations();
    }

    @Override
    public List<Migration> baselines(Database database) {
        return chain.baselines();
    }

    @Override
    public Comparator<MigrationVersion> versionOrder() {
        return chain.versionOrder();
    }

    @Override
    public MigrationResult migrate(Database database, MigrationVersion target) {
        return migrator(database).migrate(target);
    }

    @Override
    public MigrationResult migrateToLatest(Database database) {
        return migrator(database).migrate(chain.latestVersion());
    }

    @Override
    public List<MigrationVersion> appliedVersions(Database database) {
        return migrator(database).history().stream().filter(r -> !r.repeatable() && r.success())
                .map(AppliedMigration::version).toList();
    }

    @Override
    public void revert(Database database, Migration migration) {
        List<Migration> migrations = chain.migrations();
        int at = migrations.indexOf(migration);
        if (at < 0) {
            throw new MigrationException("Cannot revert " + migration + ": it is not a migration of " + location());
        }
        if (migration.down().isEmpty()) {
            throw new MigrationException("Engine " + name() + " cannot revert " + migration + ": it has no down script;"
                    + " add one beside its up script, as the layout names it (docs/migrations.md)");
        }
        migrator(database).migrateTo(at == 0 ? MigrationVersion.EMPTY : migrations.get(at - 1).version());
    }

    @Override
    public void forget(Database database, Migration migration) {
        Migrator migrator = migrator(database);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(true);
            HistoryTable history = HistoryTable.resolve(migrator.historyTable(), connection);
            history.lock(connection);
            try {
                List<AppliedMigration> rows = history.rows(connection);
                MigrationVersion current = MigrationExecutor.current(rows, chain.versionOrder());
                if (!current.equals(migration.version())) {
                    throw new MigrationException("Cannot forget " + migration + ": " + databaseName(database) + " is at "
                            + (current.equals(MigrationVersion.EMPTY) ? "no version" : "version " + current)
                            + ", and only the newest migration can be forgotten");
                }
                AppliedMigration row = rows.stream().filter(r -> !r.repeatable() && r.success()
                        && r.version().equals(current)).reduce((a, b) -> b).orElseThrow();
                history.delete(connection, row.rank());
            } finally {
                history.unlock(connection);
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot forget " + migration + " in " + databaseName(database) + ": "
                    + ServerError.of(e).summary(), e);
        }
    }

    @Override
    public List<String> historyTables() {
        return List.of(Migrator.DEFAULT_HISTORY_TABLE);
    }

    @Override
    public TemplateKey contentKey() {
        TemplateKey.Builder key = TemplateKey.builder().add("engine", name())
                .add("layout", chain.layout().map(Enum::name).orElse("none"));
        for (Migration migration : chain.migrations()) {
            key.add("migration " + migration.version() + " " + migration.up().name(), migration.up().checksum())
                    .add("down", migration.down().map(SqlScript::checksum).orElse("none"))
                    .add("transactional", Boolean.toString(migration.isTransactional()));
        }
        for (Migration baseline : chain.baselines()) {
            key.add("baseline " + baseline.version() + " " + baseline.up().name(), baseline.up().checksum());
        }
        for (RepeatableMigration repeatable : chain.repeatables()) {
            key.add("repeatable " + repeatable.script().name(), repeatable.script().checksum());
        }
        return key.build();
    }

    @Override
    public MigrationEngine withDatabaseLabel(String label) {
        if (Objects.requireNonNull(label, "label").isBlank()) {
            throw new IllegalArgumentException("A database label must not be blank");
        }
        return new DriftlessEngine(chain, label);
    }

    @Override
    public MigrationEngine withoutBaselines() {
        return chain.baselines().isEmpty() ? this : new DriftlessEngine(chain.withoutBaselines(), label);
    }

    private String databaseName(Database database) {
        return label != null ? label : "database " + database.name();
    }

    private Migrator migrator(Database database) {
        Migrator migrator = Migrator.of(chain, database);
        return label == null ? migrator : migrator.withDatabaseLabel(label);
    }

    @Override
    public String toString() {
        return "DriftlessEngine[" + chain + "]";
    }
}
