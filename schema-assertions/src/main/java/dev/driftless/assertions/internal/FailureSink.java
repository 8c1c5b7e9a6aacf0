package dev.driftless.assertions.internal;

import org.assertj.core.api.AssertionErrorCollector;

/**
 * {@code FailureSink} is where an assertion's failures go: thrown at once ({@link #THROWING}) or collected by soft
 * assertions ({@link #collecting(AssertionErrorCollector)}).
 */
@FunctionalInterface
public interface FailureSink {

    /** {@code THROWING} throws every failure at once: plain {@code assertThat}. */
    FailureSink THROWING = error -> {
        throw error;
    };

    /**
     * Returns a sink that hands failures to soft assertions, which report them all at the end.
     *
     * @param collector the soft assertions
     * @return the sink
     */
    static FailureSink collecting(AssertionErrorCollector collector) {
        return collector::collectAssertionError;
    }

    /**
     * Reports a failure.
     *
     * @param error the failure
     */
    void fail(AssertionError error);
}
