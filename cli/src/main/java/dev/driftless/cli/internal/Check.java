package dev.driftless.cli.internal;

import dev.driftless.schema.SchemaDiff;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Check} is one finding of {@code driftless verify}: what was checked, whether it passed, and the evidence — a
 * schema diff or the failure's message.
 *
 * @param title what was checked, e.g. {@code fresh install ≡ migrated path}
 * @param status the outcome
 * @param summary one line on the outcome
 * @param diff the differences found, when the check compared two schemas and they differ
 * @param detail a failure's whole message (file, line, statement), when a script failed
 */
public record Check(String title, Status status, String summary, Optional<SchemaDiff> diff, Optional<String> detail) {

    /** {@code Status} is a check's outcome. */
    public enum Status {
        /** The check passed. */
        PASSED,
        /** The check found differences or a failure. */
        FAILED,
        /** The check could not apply (e.g. a migration without a down script). */
        SKIPPED
    }

    /** Validates the parts. */
    public Check {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(detail, "detail");
    }

    static Check passed(String title, String summary) {
        return new Check(title, Status.PASSED, summary, Optional.empty(), Optional.empty());
    }

    static Check skipped(String title, String summary) {
        return new Check(title, Status.SKIPPED, summary, Optional.empty(), Optional.empty());
    }

    static Check differs(String title, String summary, SchemaDiff diff) {
        return new Check(title, Status.FAILED, summary, Optional.of(diff), Optional.empty());
    }

    static Check failed(String title, String summary, String detail) {
        return new Check(title, Status.FAILED, summary, Optional.empty(), Optional.of(detail));
    }

    static Check compare(String title, SchemaDiff diff, String passSummary, String failSummary) {
        return diff.isEmpty() ? passed(title, passSummary)
                : differs(title, failSummary + ": " + DiffSummary.of(diff), diff);
    }
}
