package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.error.MessageTemplate;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;
import org.opentest4j.AssertionFailedError;

/**
 * {@code AbstractDriftlessAssert} is the base of Driftless' assertions: it reports failures either by throwing (from
 * {@link DriftlessAssertions}) or by collecting them (from {@link SoftDriftlessAssertions}), and every failure goes
 * through it the way AssertJ's {@code Failures.failure} does: the message comes from a message factory
 * ({@code ShouldHave}, {@code ShouldHaveProperty}, ...), the text given to {@code withFailMessage(...)} replaces
 * it, and the description given by {@code as(...)} prefixes it.
 *
 * <p>Its subclasses are Driftless' own (its constructor is not public): their factories and sink are internal.
 *
 * @param <SELF> the assertion's own type, for chaining
 * @param <ACTUAL> the type of the object under test
 */
public abstract class AbstractDriftlessAssert<SELF extends AbstractDriftlessAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    private final FailureSink sink;

    AbstractDriftlessAssert(ACTUAL actual, Class<?> selfType, FailureSink sink) {
        super(actual, selfType);
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    // Where this assertion's failures go, to hand to the assertions it navigates to.
    final FailureSink sink() {
        return sink;
    }

    // Whether the object under test is missing because a soft assertion already reported it; checks on it are then
    // skipped so that one missing table gives one failure, not one per chained check.
    final boolean skipped() {
        return actual == null;
    }

    /**
     * Reports a failure: the one way Driftless' assertions fail.
     *
     * @param message the message factory, e.g. {@code ShouldHave.shouldHave(...)}
     * @return this assertion, for chaining after a soft failure
     */
    final SELF failWith(ErrorMessageFactory message) {
        return raise(new AssertionError(messageOf(message)));
    }

    /**
     * Reports a failure that carries an expected and an actual value, as opentest4j's {@link AssertionFailedError}, for
     * IDEs to show side by side.
     *
     * @param message the message factory
     * @param expected the expected value, e.g. a snapshot's JSON
     * @param actualValue the actual value
     * @return this assertion, for chaining after a soft failure
     */
    final SELF failWith(ErrorMessageFactory message, Object expected, Object actualValue) {
        return raise(new AssertionFailedError(messageOf(message), expected, actualValue));
    }

    // As AssertJ's Failures: an overriding message (withFailMessage) wins, after the description.
    private String messageOf(ErrorMessageFactory message) {
        String overriding = info.overridingErrorMessage();
        return message(overriding == null || overriding.isEmpty() ? message : MessageTemplate.preformatted(overriding));
    }

    private String message(ErrorMessageFactory factory) {
        return factory.create(info.description(), info.representation());
    }

    private SELF raise(AssertionError error) {
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
}
