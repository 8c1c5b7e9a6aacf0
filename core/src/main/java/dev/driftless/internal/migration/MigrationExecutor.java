package dev.driftless.internal.migration;

import dev.driftless.internal.sql.StatementKind;
import dev.driftless.migration.AppliedMigration;
import dev.driftless.migration.AppliedMigration.State;
import dev.driftless.migration.Layout;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationResult;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.RepeatableMigration;
import dev.driftless.sql.ParsedScript;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.sql.Statement;
import dev.driftless.sql.TransactionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code MigrationExecutor} moves one database along a {@link MigrationChain} to a target version on one connection
 * that holds the migration lock: it reads the history, plans and checks everything before changing anything (no
 * unfinished migration, no applied migration missing from the chain, no pending migration below an applied one, every
 * down script there), then runs each migration with its history row, atomically where PostgreSQL allows, and logs each
 * step and a summary. A migration that runs outside a transaction has its row written (state {@code started}) and
 * committed before its first statement, so that a run killed half-way leaves a record of it.
 */
public final class MigrationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("dev.driftless.migration.Migrator");
    private static final int LISTED_STATEMENTS = 10;

    private final MigrationChain chain;
    private final ScriptRunner runner;
    private final Connection connection;
    private final HistoryTable history;
    private final String database;
    private final String label;
    /** Whether the database is a scratch one the caller throws away, so there is nothing to repair. */
    private final boolean scratch;
    private final Comparator<MigrationVersion> order;
    private final boolean outOfOrder;
    private final boolean ignoreMissing;
    /** Whether the chain is in Flyway's layout, whose scripts may hold the database's built-in placeholders. */
    private final boolean flyway;

    private MigrationVersion from = MigrationVersion.EMPTY;
    private MigrationVersion reached = MigrationVersion.EMPTY;
    private final List<Migration> appliedNow = new ArrayList<>();
    private final List<Migration> revertedNow = new ArrayList<>();
    private final List<RepeatableMigration> repeatablesNow = new ArrayList<>();

    /**
     * @param chain the chain
     * @param runner the script runner
     * @param connection an open connection in autocommit that holds the migration lock, owned by the caller
     * @param history the history table
     * @param label what messages call the database, e.g. {@code the check's database}; {@code null} for
     *     {@code database <name>}
     * @param outOfOrder whether pending migrations below the highest applied version are applied (else refused)
     * @param ignoreMissing whether applied migrations the chain does not have are tolerated (else refused)
     * @throws SQLException when the server cannot be asked for the database's name
     */
    public MigrationExecutor(MigrationChain chain, ScriptRunner runner, Connection connection, HistoryTable history,
            String label, boolean outOfOrder, boolean ignoreMissing) throws SQLException {
        this.chain = chain;
        this.runner = runner;
        this.connection = connection;
        this.history = history;
        this.database = connection.getCatalog();
        this.label = label != null ? label : "database " + database;
        this.scratch = label != null;
        this.order = chain.versionOrder();
        this.outOfOrder = outOfOrder;
        this.ignoreMissing = ignoreMissing;
        this.flyway = chain.layout().filter(l -> l == Layout.FLYWAY).isPresent();
    }

    /**
     * @param rows the history rows
     * @param order the chain's order of versions ({@link MigrationChain#versionOrder()})
     * @return the last successfully applied version in that order, {@link MigrationVersion#EMPTY} when none
     */
    public static MigrationVersion current(List<AppliedMigration> rows, Comparator<MigrationVersion> order) {
        return rows.stream().filter(r -> !r.repeatable() && r.success()).map(AppliedMigration::version)
                .max(order).orElse(MigrationVersion.EMPTY);
    }

    /**
     * @return what this run has done so far (all of it once {@link #migrateTo} has returned), read from the history
     *     table after the lock was taken
     */
    public MigrationResult progress() {
        return new MigrationResult(from, reached, appliedNow, revertedNow, repeatablesNow);
    }

    /**
     * Migrates to a version, up or down.
     *
     * @param target a version of the chain, or {@link MigrationVersion#EMPTY} to revert everything
     * @return what this run did
     * @throws SQLException when the history table cannot be read or written
     * @throws MigrationException when the plan is impossible or refused, or a migration fails; it carries
     *     {@link #progress()}
     */
    public MigrationResult migrateTo(MigrationVersion target) throws SQLException {
        long start = System.nanoTime();
        List<AppliedMigration> rows = history.rows(connection);
        from = current(rows, order);
        reached = from;
        checkTarget(target);
        checkNoUnfinished(rows);
        Map<MigrationVersion, AppliedMigration> applied = new HashMap<>();
        rows.stream().filter(r -> !r.repeatable()).forEach(r -> applied.put(r.version(), r));
        checkMissing(applied);
        warnOnChangedChecksums(applied);

        // Flyway: a new database starts from the newest baseline at or below the target; versions up to a baseline
        // the database was built from count as applied
        Optional<Migration> baseline = rows.isEmpty() ? newestBaselineUpTo(target) : Optional.empty();
        MigrationVersion floor = baseline.map(Migration::version).orElseGet(() -> applied.values().stream()
                .filter(this::isBaselineRow).map(AppliedMigration::version).max(order).orElse(MigrationVersion.EMPTY));
        List<AppliedMigration> toRevert = applied.values().stream().filter(r -> order.compare(r.version(), target) > 0)
                .sorted(Comparator.comparing(AppliedMigration::version, order).reversed()).collect(Collectors.toList());
        List<Migration> reverts = planReverts(toRevert, target);
        List<Migration> ups = chain.migrations().stream()
                .filter(m -> order.compare(m.version(), target) <= 0 && !applied.containsKey(m.version())
                        && order.compare(m.version(), floor) > 0)
                .collect(Collectors.toList());
        checkOrder(applied, ups, target);

        history.create(connection);
        for (int i = 0; i < reverts.size(); i++) {
            Migration migration = reverts.get(i);
            MigrationVersion below = i + 1 < toRevert.size() ? toRevert.get(i + 1).version() : nextBelow(applied,
                    migration.version());
            revert(migration, toRevert.get(i), below);
            revertedNow.add(migration);
            reached = below;
        }
        if (!reverts.isEmpty()) {
            history.forgetRepeatables(connection);
        }
        if (baseline.isPresent()) {
            apply(baseline.get(), "baseline " + baseline.get());
            appliedNow.add(baseline.get());
            reached = baseline.get().version();
        }
        for (Migration migration : ups) {
            apply(migration, "migration " + migration);
            appliedNow.add(migration);
            if (order.compare(migration.version(), reached) > 0) {
                reached = migration.version();
            }
        }
        if (!target.equals(MigrationVersion.EMPTY)) {
            applyRepeatables();
        }
        summarize(start);
        return progress();
    }

    private MigrationException fail(String message, Throwable cause) {
        return new MigrationException(message, cause, progress());
    }

    /** @return the newest baseline at or below the target, for a new database */
    private Optional<Migration> newestBaselineUpTo(MigrationVersion target) {
        return chain.baselines().stream().filter(b -> order.compare(b.version(), target) <= 0)
                .max(Comparator.comparing(Migration::version, order));
    }

    /** @return whether a history row records a baseline of the chain (same version, same file name) */
    private boolean isBaselineRow(AppliedMigration row) {
        return chain.baselines().stream().anyMatch(b -> b.version().equals(row.version())
                && fileName(b.up().name()).equals(fileName(row.script())));
    }

    private static String fileName(String script) {
        return script.substring(script.lastIndexOf('/') + 1);
    }

    private void checkTarget(MigrationVersion target) {
        boolean baseline = chain.baselines().stream().anyMatch(b -> b.version().equals(target));
        if (!target.equals(MigrationVersion.EMPTY) && chain.migration(target).isEmpty() && !baseline) {
            String versions = chain.migrations().stream().map(m -> m.version().toString()).collect(Collectors.joining(", "));
            throw fail("No migration has version " + target + " in the chain at '" + chain.location()
                    + "'; its versions are: " + (versions.isEmpty() ? "(none)" : versions)
                    + ". Use one of them, or MigrationVersion.EMPTY to revert everything.", null);
        }
    }

    private void checkNoUnfinished(List<AppliedMigration> rows) throws SQLException {
        List<AppliedMigration> unfinished = rows.stream().filter(r -> r.state() != State.APPLIED).toList();
        if (unfinished.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("The history table " + history.name() + " of " + label
                + " records " + (unfinished.size() == 1 ? "a migration" : unfinished.size() + " migrations")
                + " that ran outside a transaction and did not finish cleanly, so migrating on could build on a"
                + " half-done one. Nothing was changed.");
        for (AppliedMigration row : unfinished) {
            message.append("\n  - ").append(unfinished(row));
        }
        for (String index : Leftovers.invalidIndexes(connection)) {
            message.append("\n  - the database has ").append(Leftovers.invalidIndex(index))
                    .append(", which a failed or interrupted CREATE INDEX CONCURRENTLY leaves behind");
        }
        if (scratch) {
            message.append("\n").append(capitalized(label)).append(" is thrown away after this run, so there is")
                    .append(" nothing to repair: fix the script and run again.");
        } else {
            message.append("\nTo repair: check which of those statements took effect and undo or finish them by")
                    .append(" hand, then delete ").append(unfinished.size() == 1 ? "the row" : "those rows")
                    .append(" (").append(history.deleteStatement(unfinished.stream().map(AppliedMigration::rank)
                            .toList())).append(") and migrate again.");
        }
        throw fail(message.toString(), null);
    }

    private String unfinished(AppliedMigration row) {
        String name = row.repeatable() ? "repeatable migration " + row.description() + " (" + row.script() + ")"
                : "migration " + row.label();
        String started = DateTimeFormatter.ISO_INSTANT.format(row.appliedAt().truncatedTo(ChronoUnit.SECONDS));
        Optional<SqlScript> script;
        String text;
        switch (row.state()) {
            case STARTED -> {
                text = name + " was started at " + started + " and never finished (the run was killed or lost its"
                        + " connection), so any of its statements may have run and stay applied";
                script = upScript(row);
            }
            case REVERT_FAILED -> {
                text = "the down script of " + name + " failed part-way, so the migration may be partly reverted";
                script = chain.migration(row.version()).flatMap(Migration::down);
            }
            case REVERT_STARTED -> {
                text = "the down script of " + name + " was started and never finished (the run was killed or lost"
                        + " its connection), so the migration may be partly reverted";
                script = chain.migration(row.version()).flatMap(Migration::down);
            }
            default -> {
                text = name + " failed part-way (it ran at " + started + "), so the statements before the failing"
                        + " one stay applied";
                script = upScript(row);
            }
        }
        List<Statement> statements = script.map(MigrationExecutor::statementsOf).orElse(List.of());
        if (statements.isEmpty()) {
            return text;
        }
        StringBuilder listed = new StringBuilder(text).append("; its statements:");
        statements.stream().limit(LISTED_STATEMENTS).forEach(s -> listed.append("\n      ").append(Leftovers.show(s)));
        if (statements.size() > LISTED_STATEMENTS) {
            listed.append("\n      ... and ").append(statements.size() - LISTED_STATEMENTS).append(" more");
        }
        return listed.toString();
    }

    private Optional<SqlScript> upScript(AppliedMigration row) {
        if (row.repeatable()) {
            return chain.repeatables().stream().filter(r -> r.description().equals(row.description())).findFirst()
                    .map(RepeatableMigration::script);
        }
        return chain.migration(row.version()).map(Migration::up);
    }

    private static List<Statement> statementsOf(SqlScript script) {
        try {
            return script.parse().statements().stream()
                    .filter(s -> StatementKind.of(s.sql()) != StatementKind.TRANSACTION_CONTROL).toList();
        } catch (ScriptException e) {
            return List.of();
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void checkMissing(Map<MigrationVersion, AppliedMigration> applied) {
        List<AppliedMigration> missing = applied.values().stream()
                .filter(r -> chain.migration(r.version()).isEmpty() && !isBaselineRow(r))
                .sorted(Comparator.comparing(AppliedMigration::version, order)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String names = missing.stream().map(AppliedMigration::label).collect(Collectors.joining(", "));
        if (ignoreMissing) {
            LOG.warn("{} has {} applied that the chain at '{}' does not have: {}; ignored, as allowed", database,
                    missing.size() == 1 ? "a migration" : missing.size() + " migrations", chain.location(), names);
            return;
        }
        throw fail("The history table " + history.name() + " of " + label + " records "
                + (missing.size() == 1 ? "an applied migration" : missing.size() + " applied migrations")
                + " that the chain at '" + chain.location() + "' does not have: " + names + ". Nothing was changed."
                + " Check that this chain belongs to this database, and put the missing file"
                + (missing.size() == 1 ? "" : "s") + " back; if " + (missing.size() == 1 ? "it was" : "they were")
                + " removed on purpose, allow missing migrations (Migrator.withIgnoreMissingMigrations(true), or"
                + " driftless migrate --ignore-missing).", null);
    }

    private void warnOnChangedChecksums(Map<MigrationVersion, AppliedMigration> applied) {
        for (Migration migration : chain.migrations()) {
            AppliedMigration row = applied.get(migration.version());
            if (row != null && !isBaselineRow(row) && !row.checksum().equals(migration.checksum())) {
                LOG.warn("Migration {} was applied to {} with checksum {}, but {} now has checksum {}: the file changed"
                        + " after it was applied", migration.version(), database, row.checksum(),
                        migration.up().name(), migration.checksum());
            }
        }
    }

    private void checkOrder(Map<MigrationVersion, AppliedMigration> applied, List<Migration> ups,
            MigrationVersion target) {
        MigrationVersion highestKept = applied.keySet().stream().filter(v -> order.compare(v, target) <= 0)
                .max(order).orElse(MigrationVersion.EMPTY);
        List<Migration> late = ups.stream().filter(m -> order.compare(m.version(), highestKept) < 0).toList();
        if (late.isEmpty() || outOfOrder) {
            return;
        }
        boolean one = late.size() == 1;
        String versions = late.stream().map(m -> m.version().toString()).collect(Collectors.joining(", "));
        throw fail("Cannot migrate " + label + " to version " + target + ": " + (one ? "migration " : "migrations ")
                + late.stream().map(Migration::toString).collect(Collectors.joining(", ")) + (one ? " is" : " are")
                + " not applied, but version " + highestKept + " is, which is higher: applying " + versions
                + " now would run " + (one ? "it" : "them") + " out of order, after " + highestKept + ". Nothing was"
                + " changed. If " + versions + (one ? " belongs" : " belong") + " after " + highestKept + ", give "
                + (one ? "it a version" : "them versions") + " above " + highestKept + "; to apply "
                + (one ? "it" : "them") + " anyway, allow out-of-order migrations (Migrator.withOutOfOrder(true), or"
                + " driftless migrate --out-of-order).", null);
    }

    private List<Migration> planReverts(List<AppliedMigration> toRevert, MigrationVersion target) {
        List<Migration> reverts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AppliedMigration row : toRevert) {
            Optional<Migration> migration = chain.migration(row.version());
            if (isBaselineRow(row)) {
                problems.add("version " + row.version() + " was built by the baseline " + row.script() + ", and a"
                        + " baseline has no down script (Flyway runs baselines only on new databases)");
            } else if (migration.isEmpty()) {
                problems.add("version " + row.version() + " (" + row.script() + ") is applied but the chain has no"
                        + " migration with that version");
            } else if (migration.get().down().isEmpty()) {
                problems.add("migration " + migration.get() + " has no down script");
            } else {
                reverts.add(migration.get());
            }
        }
        if (!problems.isEmpty()) {
            boolean notInChain = toRevert.stream()
                    .anyMatch(r -> chain.migration(r.version()).isEmpty() && !isBaselineRow(r));
            throw fail("Cannot migrate " + label + " down from version " + from + " to "
                    + target + ": " + String.join("; ", problems) + ". Nothing was changed: "
                    + (notInChain ? "put the missing migration(s) back in the chain, add" : "add")
                    + " the missing down script(s), or migrate down only to a version above them.", null);
        }
        return reverts;
    }

    private MigrationVersion nextBelow(Map<MigrationVersion, AppliedMigration> applied, MigrationVersion version) {
        return applied.keySet().stream().filter(v -> order.compare(v, version) < 0).max(order)
                .orElse(MigrationVersion.EMPTY);
    }

    private void apply(Migration migration, String what) throws SQLException {
        SqlScript script = migration.up();
        MigrationVersion before = reached;
        Duration duration = run(script, what, before, before,
                new UpRecord(migration.version(), migration.description(), script.name(), migration.checksum(), null));
        String description = migration.description().isEmpty() ? "" : " (" + migration.description() + ")";
        if (order.compare(migration.version(), before) < 0) {
            LOG.info("Migrated {} to version {}{} out of order (it is at version {}) in {} ms", database,
                    migration.version(), description, before, duration.toMillis());
        } else {
            LOG.info("Migrated {} to version {}{} in {} ms", database, migration.version(), description,
                    duration.toMillis());
        }
    }

    private void revert(Migration migration, AppliedMigration row, MigrationVersion below) throws SQLException {
        SqlScript script = migration.down().orElseThrow();
        String what = "down script " + script.name() + " of migration " + migration.version()
                + (migration.description().isEmpty() ? "" : " " + migration.description());
        Duration duration = run(script, what, migration.version(), below,
                new Bookkeeping() {
            @Override
            public void started() throws SQLException {
                history.setState(connection, row.rank(), State.REVERT_STARTED);
            }

            @Override
            public void succeeded(Duration took, boolean wasStarted) throws SQLException {
                history.delete(connection, row.rank());
            }

            @Override
            public void failedPartly(Duration took) throws SQLException {
                history.setState(connection, row.rank(), State.REVERT_FAILED);
            }

            @Override
            public void failedCleanly() throws SQLException {
                history.setState(connection, row.rank(), State.APPLIED);
            }

            @Override
            public int rank() {
                return row.rank();
            }

            @Override
            public State failedState() {
                return State.REVERT_FAILED;
            }
        });
        LOG.info("Reverted {} from version {}{} to {} in {} ms", database, migration.version(),
                migration.description().isEmpty() ? "" : " (" + migration.description() + ")", below,
                duration.toMillis());
    }

    private void applyRepeatables() throws SQLException {
        Map<String, AppliedMigration> recorded = new HashMap<>();
        for (AppliedMigration row : history.rows(connection)) {
            if (row.repeatable()) {
                recorded.put(row.description(), row);
            }
        }
        for (RepeatableMigration repeatable : chain.repeatables()) {
            AppliedMigration row = recorded.get(repeatable.description());
            if (row != null && row.checksum().equals(repeatable.checksum())) {
                continue;
            }
            SqlScript script = repeatable.script();
            Duration duration = run(script, repeatable.toString(), reached, reached,
                    new UpRecord(MigrationVersion.EMPTY, repeatable.description(), script.name(),
                            repeatable.checksum(), row));
            repeatablesNow.add(repeatable);
            LOG.info("Applied repeatable migration {} to {} in {} ms", repeatable.description(), database,
                    duration.toMillis());
        }
    }

    /**
     * The history rows of an up script (a versioned migration, or a repeatable one replacing its earlier row): a
     * {@code started} row before a script that runs outside a transaction, then {@code applied} or {@code failed}.
     */
    private final class UpRecord implements Bookkeeping {
        private final MigrationVersion version;
        private final String description;
        private final String scriptName;
        private final String checksum;
        private final AppliedMigration replaced;
        private int rank;

        UpRecord(MigrationVersion version, String description, String scriptName, String checksum,
                 AppliedMigration replaced) {
            this.version = version;
            this.description = description;
            this.scriptName = scriptName;
            this.checksum = checksum;
            this.replaced = replaced;
        }

        @Override
        public void started() throws SQLException {
            rank = history.insert(connection, version, description, scriptName, checksum, Duration.ZERO, State.STARTED);
        }

        @Override
        public void succeeded(Duration took, boolean wasStarted) throws SQLException {
            if (replaced != null) {
                history.delete(connection, replaced.rank());
            }
            if (wasStarted) {
                history.finish(connection, rank, took, State.APPLIED);
            } else {
                history.insert(connection, version, description, scriptName, checksum, took, State.APPLIED);
            }
        }

        @Override
        public void failedPartly(Duration took) throws SQLException {
            history.finish(connection, rank, took, State.FAILED);
        }

        @Override
        public void failedCleanly() throws SQLException {
            history.delete(connection, rank);
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public State failedState() {
            return State.FAILED;
        }
    }

    /** {@code Bookkeeping} writes one script's history rows: in its transaction, or around it when it has none. */
    private interface Bookkeeping {
        /** Marks a script about to run outside a transaction, in autocommit, before its first statement. */
        void started() throws SQLException;

        /** Records success: in the script's transaction, or after {@link #started()}. */
        void succeeded(Duration took, boolean wasStarted) throws SQLException;

        /** Records a script that failed outside a transaction and left something behind. */
        void failedPartly(Duration took) throws SQLException;

        /** Undoes {@link #started()} for a script that failed outside a transaction and left nothing. */
        void failedCleanly() throws SQLException;

        /** @return the rank of the row that {@link #failedPartly} left */
        int rank();

        /** @return the state {@link #failedPartly} writes */
        State failedState();
    }

    private Duration run(SqlScript script, String what, MigrationVersion stays, MigrationVersion afterPartialFailure,
                         Bookkeeping book) throws SQLException {
        long start = System.nanoTime();
        if (flyway) {
            script = FlywayPlaceholders.replaceAtRunTime(script, connection);
        }
        ParsedScript parsed;
        try {
            parsed = script.parse();
        } catch (ScriptException e) {
            throw fail("Cannot run the " + what + ": its script is invalid. Nothing was changed;"
                    + " the database stays at version " + stays + ".\n" + e.getMessage(), e);
        }
        Optional<String> noTransaction = parsed.noTransactionReason();
        Optional<String> chainedCommit = parsed.chainedCommit();
        if (noTransaction.isEmpty() && chainedCommit.isEmpty()) {
            Outcome outcome = runInTransaction(script, book, false, start);
            if (outcome.failure() == null) {
                return outcome.took();
            }
            ScriptException e = outcome.failure();
            // The failure without the runner's outcome, which asks the transaction's owner (us) to roll back.
            throw fail("The " + what + " failed and was rolled back; " + label
                    + " stays at version " + stays + "." + transactionRule(script, e) + "\n" + e.failure(), e);
        }
        if (noTransaction.isEmpty()) {
            return runCommittingPartWay(script, parsed, what, chainedCommit.get(), stays, afterPartialFailure, book,
                    start);
        }
        List<String> invalidBefore = Leftovers.invalidIndexes(connection);
        book.started();
        try {
            runner.run(script, connection);
        } catch (ScriptException e) {
            Duration took = since(start);
            List<String> invalidNow = new ArrayList<>(Leftovers.invalidIndexes(connection));
            invalidNow.removeAll(invalidBefore);
            Leftovers left = Leftovers.of(parsed.statements(), e, invalidNow, false);
            if (left.nothing()) {
                book.failedCleanly();
                throw fail("The " + what + " failed, and nothing of it stayed applied: it ran outside a transaction ("
                        + noTransaction.get() + "), but no statement of it had been committed"
                        + (left.transactionOpen() ? " (the transaction it had open was rolled back)" : "")
                        + "; " + label + " stays at version " + stays + ".\n" + e.failure(), e);
            }
            book.failedPartly(took);
            throw fail(partialFailure(what, "It ran outside a transaction (" + noTransaction.get() + "), so what it"
                    + " had done when it failed stays:", left, book, afterPartialFailure) + "\n" + e.failure(), e);
        }
        Duration took = since(start);
        book.succeeded(took, true);
        return took;
    }

    /**
     * Runs a script in one transaction that it commits part-way ({@code COMMIT AND CHAIN}): as a script outside a
     * transaction, its row is written and committed first, since what it commits stays even if it fails later.
     */
    private Duration runCommittingPartWay(SqlScript script, ParsedScript parsed, String what, String chainedCommit,
            MigrationVersion stays, MigrationVersion afterPartialFailure, Bookkeeping book, long start)
            throws SQLException {
        book.started();
        Outcome outcome = runInTransaction(script, book, true, start);
        if (outcome.failure() == null) {
            return outcome.took();
        }
        ScriptException failure = outcome.failure();
        Leftovers left = Leftovers.of(parsed.statements(), failure, List.of(), true);
        if (left.nothing()) {
            book.failedCleanly();
            throw fail("The " + what + " failed and was rolled back before its first " + chainedCommit
                    + " committed anything; " + label + " stays at version " + stays + ".\n" + failure.failure(),
                    failure);
        }
        book.failedPartly(since(start));
        throw fail(partialFailure(what, "It ran in one transaction but committed part of its work with "
                + chainedCommit + ", so what it had committed when it failed stays:", left, book,
                afterPartialFailure) + "\n" + failure.failure(), failure);
    }

    /** {@code Outcome} is how a script run in a transaction ended: how long it took, or its failure. */
    private record Outcome(Duration took, ScriptException failure) {
    }

    /**
     * Runs a script in one transaction with its history row ({@link Bookkeeping#succeeded} before the commit); a
     * failing script's transaction is rolled back and its failure returned.
     */
    private Outcome runInTransaction(SqlScript script, Bookkeeping book, boolean wasStarted, long start)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            runner.run(script, connection);
            Duration took = since(start);
            book.succeeded(took, wasStarted);
            connection.commit();
            return new Outcome(took, null);
        } catch (ScriptException e) {
            connection.rollback();
            return new Outcome(null, e);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Names the layout's rule that made a script run in a transaction, when PostgreSQL refused a statement of it
     * there (SQLSTATE 25001): the tool would have failed the same way.
     */
    private static String transactionRule(SqlScript script, ScriptException failure) {
        if (!failure.sqlState().map("25001"::equals).orElse(false)
                || script.transactionMode() != TransactionMode.TRANSACTION || script.transactionModeReason().isEmpty()) {
            return "";
        }
        return " It ran in a transaction: " + script.transactionModeReason().get() + ".";
    }

    private String partialFailure(String what, String how, Leftovers left, Bookkeeping book,
            MigrationVersion afterPartialFailure) {
        StringBuilder message = new StringBuilder("The " + what + " failed part-way. " + how);
        if (!left.known()) {
            message.append("\n  - it is not known which of its statements had run; any of these may have:");
            left.committed().forEach(s -> message.append("\n      ").append(Leftovers.show(s)));
        } else {
            for (Statement statement : left.committed()) {
                message.append("\n  - committed: ").append(Leftovers.show(statement));
            }
            for (Statement statement : left.rolledBack()) {
                message.append("\n  - rolled back with the transaction it had open: ").append(Leftovers.show(statement));
            }
        }
        for (String index : left.invalidIndexes()) {
            message.append("\n  - left behind by the failed statement: ").append(Leftovers.invalidIndex(index));
        }
        message.append("\nThe history table ").append(history.name()).append(" records it as failed (success = false,")
                .append(" state = ").append(book.failedState().columnValue()).append(") and ").append(label)
                .append(" counts as being at version ").append(afterPartialFailure).append(".");
        if (scratch) {
            message.append(" It is thrown away after this run, so there is nothing to repair: fix the script and run")
                    .append(" again.");
        } else {
            message.append(" Undo or finish those changes by hand, delete its row (")
                    .append(history.deleteStatement(List.of(book.rank()))).append("), then migrate again.");
        }
        return message.toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void summarize(long start) {
        long ms = since(start).toMillis();
        int ups = appliedNow.size();
        int downs = revertedNow.size();
        int repeatables = repeatablesNow.size();
        if (ups == 0 && downs == 0 && repeatables == 0) {
            LOG.info("Database {} is at version {}; nothing to migrate ({} ms)", database, reached, ms);
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
        LOG.info("Migrated {} from version {} to {}: {} in {} ms", database, from, reached, what, ms);
    }
}
