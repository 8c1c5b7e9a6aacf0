package dev.driftless.cli.internal;

import dev.driftless.check.CheckResult.Verdict;

import java.time.Duration;
import java.util.List;

/**
 * {@code VerifyReport} is what {@code driftless verify} found: its inputs, the server, and every check in order.
 *
 * @param schema the master schema file, or {@code null}
 * @param migrations the migration folder with its layout and size, or {@code null}
 * @param server the server's description, e.g. {@code PostgreSQL 17.6 (embedded)}
 * @param checks the checks, in the order they ran
 * @param duration how long verification took
 */
public record VerifyReport(String schema, String migrations, String server, List<Check> checks, Duration duration) {

    /**
     * Copies the list.
     *
     * @param schema the value for the {@code schema} record component
     * @param migrations the value for the {@code migrations} record component
     * @param server the value for the {@code server} record component
     * @param checks the value for the {@code checks} record component
     * @param duration the value for the {@code duration} record component
     */
    public VerifyReport {
        checks = List.copyOf(checks);
    }

    /** @return {@code true} when no check failed */
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.status() == Verdict.FAILED);
    }

    /**
     * @param status a status
     * @return how many checks have it
     */
    public long count(Verdict status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** @return one line: "PASSED: 5 checks passed, 1 skipped" */
    public String verdict() {
        long failed = count(Verdict.FAILED);
        long passedCount = count(Verdict.PASSED);
        long skipped = count(Verdict.SKIPPED);
        String counts = passedCount + " passed" + (failed > 0 ? ", " + failed + " failed" : "")
                + (skipped > 0 ? ", " + skipped + " skipped" : "");
        return (failed == 0 ? "PASSED" : "FAILED") + ": " + checks.size() + (checks.size() == 1 ? " check" : " checks")
                + " (" + counts + ") in " + String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
