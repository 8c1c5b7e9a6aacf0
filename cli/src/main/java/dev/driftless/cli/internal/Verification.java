package dev.driftless.cli.internal;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Verification} runs the checks of {@code driftless verify} with the library's {@link ChainChecks} and words
 * their results as the report's {@link Check}s:
 * <ol>
 * <li>fresh install ≡ migrated path: the master schema in one new database, the whole chain in another, compared;</li>
 * <li>reversibility: each migration with a down script is applied, reverted and applied again; after the down script
 * the schema must be the one read right before the up script, after up again the one of the first up;</li>
 * <li>baselines: each baseline (Flyway {@code B}) must build what the versioned migrations up to it build;</li>
 * <li>idempotency ({@code --idempotent}): the master schema run a second time must succeed and change nothing.</li>
 * </ol>
 * A master schema or up migration that fails is bad input (thrown with file and line); a down script or a second run
 * that fails is a failed check.
 */
final class Verification {

    private Verification() {
    }

    /**
     * Runs the checks.
     *
     * @param server the server for the checks' databases
     * @param schema the master schema, or {@code null}
     * @param engine the engine of the migration chain, or {@code null}
     * @param migrations the chain's versioned migrations as the engine runs them (for the version before each)
     * @param reversibility whether to check reversibility (needs a chain)
     * @param idempotency whether to check the master schema's idempotency (needs a schema)
     * @param filter which objects to read
     * @param options how to compare
     * @param schemaLabel the master schema as the user named it, for the report
     * @param chainLabel the chain as the report describes it
     * @return the report
     */
    static VerifyReport run(PostgresServer server, SqlScript schema, MigrationEngine engine, List<Migration> migrations,
            boolean reversibility,
            boolean idempotency, SchemaFilter filter, DiffOptions options, String schemaLabel, String chainLabel) {
        long started = System.nanoTime();
        String serverLabel = "PostgreSQL " + server.version() + " (" + server.provider().name().toLowerCase(Locale.ROOT)
                + ")";
        ChainChecks checks = ChainChecks.on(server).usingDiffOptions(options).inspecting(filter)
                .reportingProgressTo(Console::progress);
        List<Check> report = new ArrayList<>();
        if (schema != null && engine != null) {
            MigrationVersion latest = migrations.isEmpty() ? MigrationVersion.EMPTY
                    : migrations.get(migrations.size() - 1).version();
            report.add(Check.sameSchema(checks.sameSchema(engine, latest, schema), latest));
        }
        if (engine != null && reversibility) {
            List<CheckResult> results = checks.reversibility(engine);
            results.stream().filter(r -> r.verdict() != Verdict.SKIPPED)
                    .forEach(r -> report.add(Check.reversibility(r, migrations)));
            if (results.stream().allMatch(r -> r.verdict() == Verdict.SKIPPED)) {
                report.add(Check.noDownScripts(engine.location()));
            }
        }
        if (engine != null) {
            checks.baselines(engine).forEach(r -> report.add(Check.baseline(r)));
        }
        if (schema != null && idempotency) {
            report.add(Check.masterSchemaIdempotency(checks.masterSchemaIdempotency(schema), schema));
        }
        return new VerifyReport(schemaLabel, chainLabel, serverLabel, report,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
