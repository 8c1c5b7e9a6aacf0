package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * {@code AbstractDriftlessAssert} is the base of Driftless' assertions: it reports failures either by throwing (from
 * {@link DriftlessAssertions}) or by collecting them (from {@link SoftDriftlessAssertions}), and it prefixes messages
 * with the description given by {@code as(...)}, as AssertJ does.
 *
 * @param <SELF> the assertion's own type, for chaining
 * @param <ACTUAL> the type of the object under test
 */
public abstract class AbstractDriftlessAssert<SELF extends AbstractDriftlessAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    private final FailureSink sink;

    /**
     * Creates an assertion.
     *
     * @param actual the object under test; {@code null} only when a soft assertion already reported it missing
     * @param selfType the assertion's own class
     * @param sink where failures go, never {@code null}
     */
    protected AbstractDriftlessAssert(ACTUAL actual, Class<?> selfType, FailureSink sink) {
        super(actual, selfType);
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Returns where this assertion's failures go, to hand to the assertions it navigates to.
     *
     * @return the sink, never {@code null}
     */
    protected final FailureSink sink() {
        return sink;
    }

    /**
     * Tells whether the object under test is missing because a soft assertion already reported it; checks on it are
     * then skipped so that one missing table gives one failure, not one per chained check.
     *
     * @return {@code true} when checks should be skipped
     */
    protected final boolean skipped() {
        return actual == null;
    }

    /**
     * Reports a failure with a message that is already formatted (no {@code %} interpretation).
     *
     * @param message the message, AssertJ layout
     * @return this assertion, for chaining after a soft failure
     */
    protected final SELF fail(String message) {
        String description = info.descriptionText();
        String text = description == null || description.isEmpty() ? message : "[" + description + "] " + message;
        return fail(new AssertionError(text));
    }

    /**
     * Reports a failure that carries an expected and an actual value, for IDEs to show side by side.
     *
     * @param error the error, already built
     * @return this assertion, for chaining after a soft failure
     */
    protected final SELF fail(AssertionError error) {
        sink.fail(withCallersStackTrace(error));
        return myself;
    }

    // Like AssertJ, start the stack trace at the caller's line, so IDEs and soft assertion reports point at the test.
    private static AssertionError withCallersStackTrace(AssertionError error) {
        StackTraceElement[] trace = error.getStackTrace();
        int first = 0;
        while (first < trace.length && isOwnFrame(trace[first].getClassName())) {
            first++;
        }
        if (first > 0 && first < trace.length) {
            error.setStackTrace(java.util.Arrays.copyOfRange(trace, first, trace.length));
        }
        return error;
    }

    private static boolean isOwnFrame(String className) {
        String own = AbstractDriftlessAssert.class.getPackageName() + ".";
        return className.startsWith(own) && (className.startsWith(own + "internal.")
                || className.endsWith("Assert") || className.contains("Assert$"));
    }

    /**
     * Prefixes a message with the {@code as(...)} description, if any.
     *
     * @param message the message
     * @return the message as reported
     */
    protected final String described(String message) {
        String description = info.descriptionText();
        return description == null || description.isEmpty() ? message : "[" + description + "] " + message;
    }
}
