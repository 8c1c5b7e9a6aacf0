package dev.driftless.assertions.internal.error;

import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldContain} says that rows or values expected among others are missing, or that unwanted ones are there:
 *
 * <pre>
 * Expecting actual:
 *   table public.party (2 rows)
 * to contain:
 *   {display_name=Carol}
 * but could not find:
 *   {display_name=Carol}
 * in:
 *   {party_id=1, display_name=Alice}
 * </pre>
 */
public final class ShouldContain extends MessageTemplate {

    private ShouldContain(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that some of the rows or values expected are missing.
     *
     * @param actual the rows' or values' owner, e.g. {@code table public.party (2 rows)}
     * @param expected the rows or values expected, rendered
     * @param notFound those missing, rendered
     * @return the message
     */
    public static ErrorMessageFactory shouldContain(String actual, String expected, String notFound) {
        return new ShouldContain("%nExpecting actual:%n  %s%nto contain:%n  %s%nbut could not find:%n  %s", actual,
                expected, notFound);
    }

    /**
     * Says that some of the rows expected are missing, showing the rows there are.
     *
     * @param actual the rows' owner
     * @param expected the rows expected, rendered
     * @param notFound those missing, rendered
     * @param in the rows there are, rendered
     * @return the message
     */
    public static ErrorMessageFactory shouldContain(String actual, String expected, String notFound, String in) {
        return new ShouldContain("%nExpecting actual:%n  %s%nto contain:%n  %s%nbut could not find:%n  %s%nin:%n  %s",
                actual, expected, notFound, in);
    }

    /**
     * Says that rows that should not be there are.
     *
     * @param actual the rows' owner
     * @param unwanted the rows given, rendered
     * @param found the rows found that match them, rendered
     * @return the message
     */
    public static ErrorMessageFactory shouldNotContain(String actual, String unwanted, String found) {
        return new ShouldContain("%nExpecting actual:%n  %s%nnot to contain:%n  %s%nbut found:%n  %s", actual, unwanted,
                found);
    }
}
