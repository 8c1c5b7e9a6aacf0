package dev.driftless.cli.internal;

import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Kind;
import dev.driftless.check.CheckResult.Step;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.sql.SqlScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Check} is one line of {@code driftless verify}'s report: a {@link CheckResult} worded for people — its title,
 * its verdict, and one finding per thing it found, each with its evidence (a schema diff, rendered by each report
 * format with the library's renderers, or a failure's whole message).
 *
 * @param kind which check
 * @param migration the migration checked, for the checks per migration
 * @param title what was checked, e.g. {@code fresh install ≡ migrated path}
 * @param status the verdict
 * @param findings what it found, at least one: the first sums the check up
 */
public record Check(Kind kind, Optional<Migration> migration, String title, Verdict status, List<Finding> findings) {

    /**
     * {@code Finding} is one sentence of a check with its evidence.
     *
     * @param summary one line, e.g. {@code up then down gives back the schema of version 001, ...}
     * @param step the step it is about, if any
     * @param diff the differences found, when the step compared two schemas and they differ
     * @param detail a failure's whole message (file, line, statement), when a script failed
     */
    public record Finding(String summary, Optional<Step> step, Optional<SchemaDiff> diff, Optional<String> detail) {

        /**
         * Validates the parts.
         *
         * @param summary the value for the {@code summary} record component
         * @param step the value for the {@code step} record component
         * @param diff the value for the {@code diff} record component
         * @param detail the value for the {@code detail} record component
         */
        public Finding {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(detail, "detail");
        }

        static Finding of(String summary) {
            return new Finding(summary, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Finding differs(Step step, String summary, SchemaDiff diff) {
            return new Finding(summary + ": " + diff.summary(), Optional.of(step), Optional.of(diff), Optional.empty());
        }

        static Finding failed(CheckResult.Failure failure, String summary) {
            return new Finding(summary, Optional.of(failure.step()), Optional.empty(), Optional.of(failure.message()));
        }
    }

    /**
     * Validates the parts and copies the list.
     *
     * @param kind the value for the {@code kind} record component
     * @param migration the value for the {@code migration} record component
     * @param title the value for the {@code title} record component
     * @param status the value for the {@code status} record component
     * @param findings the value for the {@code findings} record component
     */
    public Check {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("A check has at least one finding");
        }
    }

    /** @return the findings' summaries on one line, e.g. for a table cell */
    public String summary() {
        return String.join("; ", findings.stream().map(Finding::summary).toList());
    }

    /**
     * Words the result of the fresh install ≡ migrated path check.
     *
     * @param result the result of {@link dev.driftless.check.ChainChecks#sameSchema}
     * @param target the version the chain was migrated to
     * @return the check
     */
    static Check sameSchema(CheckResult result, MigrationVersion target) {
        CheckResult.Comparison comparison = result.comparison(Step.MIGRATED).orElseThrow();
        Finding finding = comparison.diff().isEmpty()
                ? Finding.of("the master schema and the migration chain (up to " + target + ") build the same schema: "
                        + size(comparison))
                : Finding.differs(Step.MIGRATED, "the migration chain (up to " + target + ") builds another schema than"
                        + " the master schema (- master schema, + migrated)", comparison.diff());
        return new Check(result.kind(), Optional.empty(), "fresh install ≡ migrated path", result.verdict(),
                List.of(finding));
    }

    /**
     * Words the result of the reversibility check of one migration.
     *
     * @param result one result of {@link dev.driftless.check.ChainChecks#reversibility}
     * @param migrations the chain's versioned migrations as the engine runs them, for the version before the migration
     * @return the check
     */
    static Check reversibility(CheckResult result, List<Migration> migrations) {
        Migration migration = result.migration().orElseThrow();
        MigrationVersion version = migration.version();
        MigrationVersion previous = previous(migrations, version);
        List<Finding> findings = new ArrayList<>();
        result.comparison(Step.DOWN).ifPresent(c -> findings.add(Finding.differs(Step.DOWN, "up then down does not give"
                + " back the schema of version " + previous + " (- before up, + after down)", c.diff())));
        result.comparison(Step.UP_AGAIN).ifPresent(c -> findings.add(Finding.differs(Step.UP_AGAIN, "up again does not"
                + " give back the schema of version " + version + " (- first up, + up again)", c.diff())));
        result.failure().ifPresent(f -> findings.add(Finding.failed(f, f.step() == Step.DOWN
                ? "its down script " + migration.down().map(SqlScript::name).orElse("") + " fails"
                : "applying it again after reverting fails")));
        if (findings.isEmpty()) {
            findings.add(Finding.of("up then down gives back the schema of version " + previous + ", up again that of "
                    + "version " + version));
        }
        return new Check(result.kind(), result.migration(), "migration " + version + " (" + migration.description()
                + ") reverts", result.verdict(), findings);
    }

    /**
     * Words the result of the check of one baseline.
     *
     * @param result one result of {@link dev.driftless.check.ChainChecks#baselines}
     * @return the check
     */
    static Check baseline(CheckResult result) {
        Migration baseline = result.migration().orElseThrow();
        CheckResult.Comparison comparison = result.comparison(Step.MIGRATED).orElseThrow();
        String up = "the versioned migrations up to " + baseline.version();
        Finding finding = comparison.diff().isEmpty()
                ? Finding.of("the baseline " + baseline.up().name() + " and " + up + " build the same schema: "
                        + size(comparison))
                : Finding.differs(Step.MIGRATED, "the baseline " + baseline.up().name() + " builds another schema than "
                        + up + " (- versioned migrations, + baseline)", comparison.diff());
        return new Check(result.kind(), result.migration(), "baseline " + baseline.version()
                + (baseline.description().isEmpty() ? "" : " (" + baseline.description() + ")") + " ≡ migrations up"
                + " to " + baseline.version(), result.verdict(), List.of(finding));
    }

    /**
     * Stands for the reversibility checks when no migration has a down script.
     *
     * @param location where the chain is, as its engine names it
     * @return a skipped check
     */
    static Check noDownScripts(String location) {
        return new Check(Kind.REVERSIBILITY, Optional.empty(), "reversibility", Verdict.SKIPPED,
                List.of(Finding.of("no migration of " + location + " has a down script")));
    }

    /**
     * Words the result of the master schema's idempotency check.
     *
     * @param result the result of {@link dev.driftless.check.ChainChecks#masterSchemaIdempotency}
     * @param schema the master schema
     * @return the check
     */
    static Check masterSchemaIdempotency(CheckResult result, SqlScript schema) {
        Finding finding = result.failure()
                .map(f -> Finding.failed(f, "running " + schema.name() + " a second time fails"))
                .or(() -> result.differences().stream().findFirst().map(c -> Finding.differs(Step.SECOND_RUN,
                        "running it a second time changes the schema (- after one run, + after two)", c.diff())))
                .orElse(Finding.of("running it a second time succeeds and changes nothing"));
        return new Check(result.kind(), Optional.empty(), "master schema is idempotent", result.verdict(),
                List.of(finding));
    }

    /** @return the version of the migration before the one at a version, {@link MigrationVersion#EMPTY} for the first */
    private static MigrationVersion previous(List<Migration> migrations, MigrationVersion version) {
        MigrationVersion previous = MigrationVersion.EMPTY;
        for (Migration earlier : migrations) {
            if (earlier.version().equals(version)) {
                break;
            }
            previous = earlier.version();
        }
        return previous;
    }

    /** What was compared: the tables the comparison did not leave out (history tables), the views and functions. */
    private static String size(CheckResult.Comparison comparison) {
        SchemaSnapshot snapshot = comparison.from();
        DiffOptions options = comparison.diff().options();
        long tables = snapshot.tables().stream().filter(t -> !options.ignoresTable(t)).count();
        return count((int) tables, "table") + ", " + count(snapshot.views().size(), "view") + ", "
                + count(snapshot.functions().size(), "function");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
