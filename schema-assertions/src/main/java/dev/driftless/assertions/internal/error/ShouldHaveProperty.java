package dev.driftless.assertions.internal.error;

import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldHaveProperty} says that a property of an object differs from the one expected, and shows the one found:
 *
 * <pre>
 * Expecting actual:
 *   column public.booking.starts_at
 * to have type:
 *   "date"
 * but found:
 *   "timestamp with time zone"
 * </pre>
 */
public final class ShouldHaveProperty extends MessageTemplate {

    private ShouldHaveProperty(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that a property has another value.
     *
     * @param actual the object, e.g. {@code column public.booking.starts_at}
     * @param expectation what was expected, e.g. {@code to have type:}
     * @param expected the value expected, rendered
     * @param found the value found, rendered
     * @return the message
     */
    public static ErrorMessageFactory shouldHaveProperty(String actual, String expectation, String expected,
            String found) {
        return new ShouldHaveProperty("%nExpecting actual:%n  %s%n%s%n  %s%nbut found:%n  %s", actual, expectation,
                expected, found);
    }

    /**
     * Says that an object lacks a property that has no value to show, e.g. {@code to be NOT NULL}.
     *
     * @param actual the object
     * @param expectation what was expected, e.g. {@code to be NOT NULL}
     * @param found what was found, e.g. {@code nullable}
     * @return the message
     */
    public static ErrorMessageFactory shouldHaveProperty(String actual, String expectation, String found) {
        return new ShouldHaveProperty("%nExpecting actual:%n  %s%n%s%nbut found:%n  %s", actual, expectation, found);
    }
}
