package dev.driftless.assertions.internal.error;

import dev.driftless.assertions.internal.Message;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldHaveRowCount} says that a table has another number of rows than expected, and shows them:
 *
 * <pre>
 * Expecting actual:
 *   table public.party (2 rows)
 * to have 3 rows
 * but found 2:
 *   {party_id=1, display_name=Alice}
 *   {party_id=2, display_name=Bob}
 * </pre>
 */
public final class ShouldHaveRowCount extends MessageTemplate {

    private ShouldHaveRowCount(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that the number of rows differs.
     *
     * @param actual the table, e.g. {@code table public.party (2 rows)}
     * @param expected the number of rows expected
     * @param rows the rows there are, rendered one each
     * @return the message
     */
    public static ErrorMessageFactory shouldHaveRowCount(String actual, int expected, List<String> rows) {
        return new ShouldHaveRowCount("%nExpecting actual:%n  %s%nto have %s%nbut found %s:%n  %s", actual,
                expected + (expected == 1 ? " row" : " rows"), rows.size(), Message.lines(rows));
    }

    /**
     * Says that a table has no rows.
     *
     * @param actual the table
     * @return the message
     */
    public static ErrorMessageFactory shouldNotBeEmpty(String actual) {
        return new ShouldHaveRowCount("%nExpecting actual:%n  %s%nnot to be empty", actual);
    }
}
