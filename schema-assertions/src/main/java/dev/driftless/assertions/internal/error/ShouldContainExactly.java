package dev.driftless.assertions.internal.error;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldContainExactly} says that a set of things (tables, extensions, indexes, rows, values) is not exactly the
 * one expected, and lists what is missing and what was not expected:
 *
 * <pre>
 * Expecting actual:
 *   the schema
 * to have exactly the tables:
 *   "booking", "customer"
 * but these were missing:
 *   "customer"
 * and these were not expected:
 *   "party"
 * </pre>
 */
public final class ShouldContainExactly extends MessageTemplate {

    private ShouldContainExactly(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that an object's named parts are not exactly those expected.
     *
     * @param actual the object, e.g. {@code the schema}
     * @param kinds the parts, plural, e.g. {@code tables}
     * @param expected the names expected, rendered
     * @param missing the names missing, rendered; {@code null} when none is
     * @param unexpected the parts not expected, rendered; {@code null} when there are none
     * @return the message
     */
    public static ErrorMessageFactory shouldHaveExactly(String actual, String kinds, String expected, String missing,
            String unexpected) {
        return exactly(actual, "to have exactly the " + kinds + ":", expected, "these were missing", missing,
                "these were not expected", unexpected);
    }

    /**
     * Says that rows or values do not pair up one to one with those expected.
     *
     * @param actual the rows' or values' owner, e.g. {@code table public.party (2 rows)}
     * @param expectation what was expected, e.g. {@code to contain exactly, in any order:}
     * @param expected the rows or values expected, rendered
     * @param notFound those without a match, rendered; {@code null} when every one matched
     * @param unexpected those found but not expected, rendered; {@code null} when there are none
     * @return the message
     */
    public static ErrorMessageFactory shouldContainExactly(String actual, String expectation, String expected,
            String notFound, String unexpected) {
        return exactly(actual, expectation, expected, "could not find", notFound, "found unexpected", unexpected);
    }

    /**
     * Says that rows do not match those expected one to one in order.
     *
     * @param actual the rows' owner
     * @param expected the rows expected, rendered
     * @param problems one line per row that differs, e.g. {@code row 2 is missing: {party_id=2}}
     * @return the message
     */
    public static ErrorMessageFactory shouldContainExactlyInOrder(String actual, String expected,
            List<String> problems) {
        return new ShouldContainExactly("%nExpecting actual:%n  %s%nto contain exactly, in order:%n  %s%nbut:%n  %s",
                actual, expected, String.join("\n", problems));
    }

    private static ErrorMessageFactory exactly(String actual, String expectation, String expected, String missingLabel,
            String missing, String unexpectedLabel, String unexpected) {
        StringBuilder format = new StringBuilder("%nExpecting actual:%n  %s%n%s%n  %s");
        List<Object> arguments = new ArrayList<>(List.of(actual, expectation, expected));
        if (missing != null) {
            format.append("%nbut %s:%n  %s");
            arguments.addAll(List.of(missingLabel, missing));
        }
        if (unexpected != null) {
            format.append("%n%s %s:%n  %s");
            arguments.addAll(List.of(missing == null ? "but" : "and", unexpectedLabel, unexpected));
        }
        return new ShouldContainExactly(format.toString(), arguments.toArray());
    }
}
