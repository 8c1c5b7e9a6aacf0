package dev.driftless.check;

import dev.driftless.DriftlessException;
import dev.driftless.migration.Migration;
import dev.driftless.schema.ChangeCategory;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.sql.ScriptException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CheckResult} is what one check of {@link ChainChecks} found, for a whole chain or for one migration: its kind,
 * its verdict, and the evidence as data — the schema comparisons that found differences (with both schemas) and the
 * failure of a step. Nothing in it is worded: the command line renders it as text, Markdown, HTML or JSON, the
 * assertions word it as an AssertJ message.
 *
 * <pre>{@code
 * for (CheckResult result : ChainChecks.on(server).reversibility(chain)) {
 *     result.verdict();                                   // FAILED
 *     result.migration();                                 // Optional[003 booking index (003_booking_index.sql)]
 *     result.comparison(CheckResult.Step.DOWN);           // before up → after down, with its SchemaDiff
 *     result.failure().map(f -> f.step());                // Optional[UP_AGAIN]
 * }
 * }</pre>
 *
 * @param kind which check, never {@code null}
 * @param verdict its outcome, never {@code null}
 * @param migration the migration checked, for the checks made per migration ({@link Kind#REVERSIBILITY},
 *     {@link Kind#MIGRATION_IDEMPOTENCY}), or the baseline ({@link Kind#BASELINE}); empty for the checks of a whole
 *     schema
 * @param comparisons the schema comparisons made, in the order they were made: for the checks of a whole schema
 *     ({@link Kind#SAME_SCHEMA}, {@link Kind#MASTER_SCHEMA_IDEMPOTENCY}) always, for the checks per migration only those
 *     that found a difference (so a long chain's results do not hold two schemas per migration)
 * @param failure the step that failed, if one did; the steps after it did not run
 */
public record CheckResult(Kind kind, Verdict verdict, Optional<Migration> migration, List<Comparison> comparisons,
        Optional<Failure> failure) {

    /** {@code Kind} is which check a result is of. */
    public enum Kind {
        /** The chain migrated to a version builds the same schema as the master schema (or another chain). */
        SAME_SCHEMA,
        /**
         * One migration reverts: up then down gives back the schema read right before up, and up again gives the
         * schema of the first up.
         */
        REVERSIBILITY,
        /** The master schema can run a second time on the database it built, and changes nothing. */
        MASTER_SCHEMA_IDEMPOTENCY,
        /**
         * One migration's up script, run directly (no history table), can run a second time and changes nothing:
         * what a deploy that re-runs each script relies on.
         */
        MIGRATION_IDEMPOTENCY,
        /**
         * A baseline (Flyway's {@code B5__x.sql}) builds the same schema as the versioned migrations up to its
         * version, which a new database would otherwise run.
         */
        BASELINE
    }

    /** {@code Verdict} is a check's outcome. */
    public enum Verdict {
        /** The check passed. */
        PASSED,
        /** The check found a difference or a step failed. */
        FAILED,
        /** The check could not apply: a migration without a down script is not checked for reversibility. */
        SKIPPED
    }

    /** {@code Step} is the step of a check that a comparison follows or a failure happened in. */
    public enum Step {
        /**
         * The chain was migrated and its schema compared with the master schema's (or the other chain's); for
         * {@link Kind#BASELINE}, a new database built from the baseline compared with one built by the versioned
         * migrations up to its version.
         */
        MIGRATED,
        /** The down script ran; the schema compared with the one read right before up. */
        DOWN,
        /** The up script ran again after the down script; the schema compared with the one after the first up. */
        UP_AGAIN,
        /** The script ran a second time; the schema compared with the one after the first run. */
        SECOND_RUN
    }

    /**
     * {@code Comparison} is two schemas compared by a check and their difference.
     *
     * @param step the step after which the second schema was read
     * @param from the schema expected: the master schema's, the one before up, after the first up or the first run
     * @param to the schema found after the step
     * @param diff the difference from {@code from} to {@code to} under the check's options; empty when they are the same
     */
    public record Comparison(Step step, SchemaSnapshot from, SchemaSnapshot to, SchemaDiff diff) {

        /**
         * Validates the parts.
         *
         * @param step the value for the {@code step} record component
         * @param from the value for the {@code from} record component
         * @param to the value for the {@code to} record component
         * @param diff the value for the {@code diff} record component
         */
        public Comparison {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(diff, "diff");
        }
    }

    /**
     * {@code Failure} is a step that failed: its script, or the migrator running it, refused.
     *
     * @param step the step
     * @param error the failure: a {@link dev.driftless.migration.MigrationException} saying which version the database
     *     stays at, around the script's {@link ScriptException}, or the {@link ScriptException} of a script run directly
     */
    public record Failure(Step step, DriftlessException error) {

        /**
         * Validates the parts.
         *
         * @param step the value for the {@code step} record component
         * @param error the value for the {@code error} record component
         */
        public Failure {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(error, "error");
        }

        /** @return the whole message for people: file, line, column, server error, statement and outcome */
        public String message() {
            return error.getMessage();
        }

        /** @return the failing script's exception, with its file, line, column and SQLSTATE, when a script failed */
        public Optional<ScriptException> scriptFailure() {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof ScriptException script) {
                    return Optional.of(script);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Validates the parts and copies the list.
     *
     * @param kind the value for the {@code kind} record component
     * @param verdict the value for the {@code verdict} record component
     * @param migration the value for the {@code migration} record component
     * @param comparisons the value for the {@code comparisons} record component
     * @param failure the value for the {@code failure} record component
     */
    public CheckResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(migration, "migration");
        comparisons = List.copyOf(comparisons);
        Objects.requireNonNull(failure, "failure");
    }

    /** @return {@code true} when the verdict is {@link Verdict#FAILED} */
    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    /**
     * @param step a step
     * @return the comparison made after that step, if it is kept (see {@link #comparisons()})
     */
    public Optional<Comparison> comparison(Step step) {
        return comparisons.stream().filter(c -> c.step() == step).findFirst();
    }

    /** @return the comparisons that found a difference, in order */
    public List<Comparison> differences() {
        return comparisons.stream().filter(c -> !c.diff().isEmpty()).toList();
    }

    /**
     * @return {@code true} when no step failed, something differs, and every difference is one of column order
     *     (re-adding a dropped column puts it last): what {@link ChainChecks#acceptingColumnOrderChanges()} accepts
     */
    public boolean differsInColumnOrderOnly() {
        List<Comparison> differences = differences();
        return failure.isEmpty() && !differences.isEmpty() && differences.stream()
                .allMatch(c -> c.diff().changes().stream().allMatch(ch -> ch.category() == ChangeCategory.COLUMN_ORDER));
    }
}
