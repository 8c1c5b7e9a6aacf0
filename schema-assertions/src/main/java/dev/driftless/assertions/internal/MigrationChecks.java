package dev.driftless.assertions.internal;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Step;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.check.DataPreservation;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import dev.driftless.server.PostgresServer;
import dev.driftless.template.ScratchDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code MigrationChecks} runs the checks of {@code MigrationChainAssert} with core's {@link ChainChecks}, through the
 * overloads that take a {@link MigrationEngine} (a chain is {@link MigrationEngine#driftless(MigrationChain)}), and words
 * what they found for the assertion's messages: one text per failing migration, its header line then the indented
 * evidence.
 */
public final class MigrationChecks {

    /**
     * {@code Outcome} is what a check over every migration found, worded.
     *
     * @param failures one text per failing migration (its header line, then indented details)
     * @param notes migrations reported but not failing (column order only, when accepted)
     * @param withoutDown the migrations without a down script
     */
    public record Outcome(List<String> failures, List<String> notes, List<String> withoutDown) {
    }

    private final MigrationEngine engine;
    private final Optional<MigrationChain> chain;
    private final PostgresServer server;
    private final ChainChecks checks;

    /**
     * Creates the checks.
     *
     * @param engine the engine of the chain
     * @param chain the chain, when the engine is Driftless's own runner of it (idempotency reads its scripts)
     * @param server the server for the checks' databases
     * @param options how schemas compare
     */
    public MigrationChecks(MigrationEngine engine, Optional<MigrationChain> chain, PostgresServer server,
            DiffOptions options) {
        this.engine = engine;
        this.chain = chain;
        this.server = server;
        this.checks = ChainChecks.on(server).usingDiffOptions(options);
    }

    /** @return the versioned migrations as the engine resolves them, read in a new database of the server */
    public List<Migration> migrations() {
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            return engine.migrations(scratch.create());
        }
    }

    /** @return the checks these wrap */
    public ChainChecks chainChecks() {
        return checks;
    }

    /**
     * Words the reversibility of every migration.
     *
     * @param acceptColumnOrder whether a difference in column order alone passes
     * @return what was found
     */
    public Outcome reversibility(boolean acceptColumnOrder) {
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> withoutDown = new ArrayList<>();
        ChainChecks reversibility = acceptColumnOrder ? checks.acceptingColumnOrderChanges() : checks;
        for (CheckResult result : reversibility.reversibility(engine)) {
            if (result.verdict() == Verdict.SKIPPED) {
                withoutDown.add(result.migration().orElseThrow().toString());
            } else if (result.failed()) {
                failures.add(reversibilityProblems(result));
            } else if (!result.differences().isEmpty()) {
                notes.add(reversibilityProblems(result));
            }
        }
        return new Outcome(failures, notes, withoutDown);
    }

    private static String reversibilityProblems(CheckResult result) {
        List<String> problems = new ArrayList<>();
        result.comparison(Step.DOWN).ifPresent(c -> problems.add(evidence(
                "down does not restore the schema before up (before up → after down):", c.diff())));
        result.comparison(Step.UP_AGAIN).ifPresent(c -> problems.add(evidence(
                "up again does not give the schema of the first up (first up → up again):", c.diff())));
        result.failure().ifPresent(f -> problems.add((f.step() == Step.DOWN ? "down" : "up again") + " failed:\n"
                + Message.indent(f.message(), "  ")));
        return result.migration().orElseThrow() + (result.differsInColumnOrderOnly() ? " (column order only)" : "")
                + ":\n" + Message.indent(String.join("\n", problems), "  ");
    }

    /**
     * Words the idempotency of every migration's up script (for a master schema: the whole schema).
     *
     * @return what was found
     */
    public Outcome idempotency() {
        List<String> failures = new ArrayList<>();
        List<CheckResult> results = chain.isPresent() ? checks.migrationIdempotency(chain.get())
                : checks.migrationIdempotency(engine);
        for (CheckResult result : results) {
            if (result.failed()) {
                String problem = result.failure()
                        .map(f -> "the second run failed:\n" + Message.indent(f.message(), "  "))
                        .orElseGet(() -> evidence("the second run changes the schema (after the first run → after the"
                                + " second):", result.differences().get(0).diff()));
                failures.add(result.migration().orElseThrow() + ":\n" + Message.indent(problem, "  "));
            }
        }
        return new Outcome(failures, List.of(), List.of());
    }

    /**
     * Loads a fixture at a version, migrates on, and words the tables that lost rows.
     *
     * @param fixture the rows
     * @param from the version to load at
     * @param to the version to migrate to
     * @param queries table → query counting that table's rows after migrating (for renamed or split tables)
     * @return one line per table that lost rows
     */
    public List<String> dataPreservation(Fixture fixture, MigrationVersion from, MigrationVersion to,
            Map<String, String> queries) {
        DataPreservation found = checks.dataPreservation(engine, from, to, db -> Seeder.on(db).load(fixture),
                fixture.tables(), queries);
        List<String> lost = new ArrayList<>();
        for (DataPreservation.TableRows rows : found.lost()) {
            String table = rows.table();
            if (rows.after().isPresent()) {
                lost.add(table + ": " + rows.before() + " → " + rows.after().getAsLong()
                        + rows.countQuery().map(q -> " (" + q + ")").orElse(""));
            } else {
                lost.add(table + ": " + rows.before() + " → cannot count: " + rows.error().orElseThrow().headline()
                        + (rows.countQuery().isPresent() ? "" : "; if the migration renamed or moved it, give a query"
                                + " counting its rows: preserveData(fixture, Map.of(\"" + table + "\", \"SELECT"
                                + " count(*) FROM ...\"))"));
            }
        }
        return lost;
    }

    private static String evidence(String what, SchemaDiff diff) {
        return what + "\n" + Message.indent(diff.toText(), "  ");
    }
}
