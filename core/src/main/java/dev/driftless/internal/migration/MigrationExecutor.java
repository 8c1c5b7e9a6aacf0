package dev.driftless.internal.migration;

import dev.driftless.migration.AppliedMigration;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.RepeatableMigration;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code MigrationExecutor} moves one database along a {@link MigrationChain} to a target version on one connection:
 * it plans (checking everything a down migration needs before changing anything), then runs each migration with its
 * history row, atomically where PostgreSQL allows, and logs each step and a summary.
 */
public final class MigrationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("dev.driftless.migration.Migrator");

    private final MigrationChain chain;
    private final ScriptRunner runner;
    private final Connection connection;
    private final HistoryTable history;
    private final String database;
    private final String label;

    /**
     * @param chain the chain
     * @param runner the script runner
     * @param connection an open connection in autocommit, owned by the caller
     * @param history the history table
     * @param label what messages call the database, e.g. {@code the check's database}; {@code null} for
     *     {@code database <name>}
     * @throws SQLException when the server cannot be asked for the database's name
     */
    public MigrationExecutor(MigrationChain chain, ScriptRunner runner, Connection connection, HistoryTable history,
            String label) throws SQLException {
        this.chain = chain;
        this.runner = runner;
        this.connection = connection;
        this.history = history;
        this.database = connection.getCatalog();
        this.label = label != null ? label : "database " + database;
    }

    /**
     * @param rows the history rows
     * @return the highest successfully applied version, {@link MigrationVersion#EMPTY} when none
     */
    public static MigrationVersion current(List<AppliedMigration> rows) {
        return rows.stream().filter(r -> !r.repeatable() && r.success()).map(AppliedMigration::version)
                .max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
    }

    /**
     * Migrates to a version, up or down.
     *
     * @param target a version of the chain, or {@link MigrationVersion#EMPTY} to revert everything
     * @return the version reached
     * @throws SQLException when the history table cannot be read or written
     * @throws MigrationException when the plan is impossible or a migration fails
     */
    public MigrationVersion migrateTo(MigrationVersion target) throws SQLException {
        long start = System.nanoTime();
        checkTarget(target);
        history.create(connection);
        List<AppliedMigration> rows = history.rows(connection);
        checkNoFailures(rows);
        MigrationVersion from = current(rows);
        Map<MigrationVersion, AppliedMigration> applied = new HashMap<>();
        rows.stream().filter(r -> !r.repeatable()).forEach(r -> applied.put(r.version(), r));
        warnOnChangedChecksums(applied);

        List<AppliedMigration> toRevert = applied.values().stream().filter(r -> r.version().compareTo(target) > 0)
                .sorted(Comparator.comparing(AppliedMigration::version).reversed()).collect(Collectors.toList());
        List<Migration> reverts = planReverts(toRevert, target, from);
        List<Migration> ups = chain.migrations().stream()
                .filter(m -> m.version().compareTo(target) <= 0 && !applied.containsKey(m.version()))
                .collect(Collectors.toList());

        MigrationVersion reached = from;
        for (int i = 0; i < reverts.size(); i++) {
            Migration migration = reverts.get(i);
            MigrationVersion below = i + 1 < toRevert.size() ? toRevert.get(i + 1).version() : nextBelow(applied,
                    migration.version());
            revert(migration, toRevert.get(i), below);
            reached = below;
        }
        if (!reverts.isEmpty()) {
            history.forgetRepeatables(connection);
        }
        for (Migration migration : ups) {
            apply(migration, reached);
            if (migration.version().compareTo(reached) > 0) {
                reached = migration.version();
            }
        }
        int repeatables = target.equals(MigrationVersion.EMPTY) ? 0 : applyRepeatables(reached);
        summarize(from, reached, ups.size(), reverts.size(), repeatables, start);
        return reached;
    }

    private void checkTarget(MigrationVersion target) {
        if (!target.equals(MigrationVersion.EMPTY) && chain.migration(target).isEmpty()) {
            String versions = chain.migrations().stream().map(m -> m.version().toString()).collect(Collectors.joining(", "));
            throw new MigrationException("No migration has version " + target + " in the chain at '" + chain.location()
                    + "'; its versions are: " + (versions.isEmpty() ? "(none)" : versions)
                    + ". Use one of them, or MigrationVersion.EMPTY to revert everything.");
        }
    }

    private void checkNoFailures(List<AppliedMigration> rows) {
        List<AppliedMigration> failed = rows.stream().filter(r -> !r.success()).collect(Collectors.toList());
        if (!failed.isEmpty()) {
            throw new MigrationException("The history table " + history.name() + " of " + label
                    + " records " + failed.size() + " failed migration(s) that ran outside a transaction and may be"
                    + " partly applied: " + failed.stream().map(r -> r.version() + " (" + r.script() + ")")
                    .collect(Collectors.joining(", ")) + ". Repair the schema by hand, delete those rows (success ="
                    + " false), then migrate again. Nothing was changed.");
        }
    }

    private void warnOnChangedChecksums(Map<MigrationVersion, AppliedMigration> applied) {
        for (Migration migration : chain.migrations()) {
            AppliedMigration row = applied.get(migration.version());
            if (row != null && !row.checksum().equals(migration.checksum())) {
                LOG.warn("Migration {} was applied to {} with checksum {}, but {} now has checksum {}: the file changed"
                        + " after it was applied", migration.version(), database, row.checksum(),
                        migration.up().name(), migration.checksum());
            }
        }
    }

    private List<Migration> planReverts(List<AppliedMigration> toRevert, MigrationVersion target, MigrationVersion from) {
        List<Migration> reverts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AppliedMigration row : toRevert) {
            Optional<Migration> migration = chain.migration(row.version());
            if (migration.isEmpty()) {
                problems.add("version " + row.version() + " (" + row.script() + ") is applied but the chain has no"
                        + " migration with that version");
            } else if (migration.get().down().isEmpty()) {
                problems.add("migration " + migration.get() + " has no down script");
            } else {
                reverts.add(migration.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("Cannot migrate " + label + " down from version " + from + " to "
                    + target + ": " + String.join("; ", problems) + ". Nothing was changed: add the missing down"
                    + " script(s), or migrate down only to a version above them.");
        }
        return reverts;
    }

    private static MigrationVersion nextBelow(Map<MigrationVersion, AppliedMigration> applied, MigrationVersion version) {
        return applied.keySet().stream().filter(v -> v.compareTo(version) < 0).max(Comparator.naturalOrder())
                .orElse(MigrationVersion.EMPTY);
    }

    private void apply(Migration migration, MigrationVersion before) throws SQLException {
        SqlScript script = migration.up();
        Duration duration = run(script, "migration " + migration, before, before, (took, ok) ->
                history.insert(connection, migration.version(), migration.description(), script.name(),
                        migration.checksum(), took, ok));
        LOG.info("Migrated {} to version {}{} in {} ms", database, migration.version(),
                migration.description().isEmpty() ? "" : " (" + migration.description() + ")", duration.toMillis());
    }

    private void revert(Migration migration, AppliedMigration row, MigrationVersion below) throws SQLException {
        SqlScript script = migration.down().orElseThrow();
        Duration duration = run(script, "down script of migration " + migration, migration.version(), below,
                (took, ok) -> {
            if (ok) {
                history.delete(connection, row);
            } else {
                history.markFailed(connection, row);
            }
        });
        LOG.info("Reverted {} from version {}{} to {} in {} ms", database, migration.version(),
                migration.description().isEmpty() ? "" : " (" + migration.description() + ")", below,
                duration.toMillis());
    }

    private int applyRepeatables(MigrationVersion reached) throws SQLException {
        Map<String, AppliedMigration> recorded = new HashMap<>();
        for (AppliedMigration row : history.rows(connection)) {
            if (row.repeatable()) {
                recorded.put(row.description(), row);
            }
        }
        int count = 0;
        for (RepeatableMigration repeatable : chain.repeatables()) {
            AppliedMigration row = recorded.get(repeatable.description());
            if (row != null && row.checksum().equals(repeatable.checksum())) {
                continue;
            }
            Duration duration = run(repeatable.script(), repeatable.toString(), reached, reached, (took, ok) -> {
                if (row != null) {
                    history.delete(connection, row);
                }
                history.insert(connection, MigrationVersion.EMPTY, repeatable.description(),
                        repeatable.script().name(), repeatable.checksum(), took, ok);
            });
            LOG.info("Applied repeatable migration {} to {} in {} ms", repeatable.description(), database,
                    duration.toMillis());
            count++;
        }
        return count;
    }

    private interface Record {
        void write(Duration took, boolean success) throws SQLException;
    }

    private Duration run(SqlScript script, String what, MigrationVersion stays, MigrationVersion afterPartialFailure,
                         Record record) throws SQLException {
        long start = System.nanoTime();
        boolean transactional;
        try {
            transactional = script.parse().runsInTransaction();
        } catch (ScriptException e) {
            throw new MigrationException("Cannot run the " + what + ": its script is invalid. Nothing was changed;"
                    + " the database stays at version " + stays + ".\n" + e.getMessage(), e);
        }
        if (transactional) {
            connection.setAutoCommit(false);
            try {
                runner.run(script, connection);
                Duration took = since(start);
                record.write(took, true);
                connection.commit();
                return took;
            } catch (ScriptException e) {
                connection.rollback();
                // The failure without the runner's outcome, which asks the transaction's owner (us) to roll back.
                throw new MigrationException("The " + what + " failed and was rolled back; " + label
                        + " stays at version " + stays + ".\n" + e.failure(), e);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        try {
            runner.run(script, connection);
        } catch (ScriptException e) {
            record.write(since(start), false);
            throw new MigrationException("The " + what + " failed. It ran outside a transaction (" + script.name()
                    + " cannot run inside one), so the statements before the failing one stay applied. The history"
                    + " table " + history.name() + " records it as failed (success = false) and " + label
                    + " counts as being at version " + afterPartialFailure + ". Repair the schema, delete that row, then migrate"
                    + " again.\n" + e.getMessage(), e);
        }
        Duration took = since(start);
        record.write(took, true);
        return took;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void summarize(MigrationVersion from, MigrationVersion to, int ups, int downs, int repeatables, long start) {
        long ms = since(start).toMillis();
        if (ups == 0 && downs == 0 && repeatables == 0) {
            LOG.info("Database {} is at version {}; nothing to migrate ({} ms)", database, to, ms);
            return;
        }
        StringBuilder what = new StringBuilder();
        what.append(ups).append(ups == 1 ? " migration" : " migrations").append(" applied");
        if (downs > 0) {
            what.append(", ").append(downs).append(" reverted");
        }
        if (repeatables > 0) {
            what.append(", ").append(repeatables).append(" repeatable");
        }
        LOG.info("Migrated {} from version {} to {}: {} in {} ms", database, from, to, what, ms);
    }
}
