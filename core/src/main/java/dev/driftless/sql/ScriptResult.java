package dev.driftless.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code ScriptResult} is what running a script did: how many statements ran and how long it took. Immutable.
 */
public final class ScriptResult {

    private final int statementCount;
    private final Duration duration;

    ScriptResult(int statementCount, Duration duration) {
        this.statementCount = statementCount;
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    /** @return the number of SQL statements run (a {@code COPY} with its data counts once; meta-commands do not) */
    public int statementCount() {
        return statementCount;
    }

    /** @return the wall-clock time the script took, never {@code null} */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "ScriptResult[statements=" + statementCount + ", duration=" + duration.toMillis() + " ms]";
    }
}
