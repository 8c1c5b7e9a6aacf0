package dev.driftless.assertions.internal.error;

import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldAllMatch} says that a rule over many objects (every table, every selected column or name, every value)
 * does not hold, and lists every offender:
 *
 * <pre>
 * Expecting actual:
 *   the schema
 * to have a primary key on every table
 * but these tables have none:
 *   audit_log
 * </pre>
 */
public final class ShouldAllMatch extends MessageTemplate {

    private ShouldAllMatch(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that a rule with a value to show does not hold, e.g. {@code to have type: "bigint"}.
     *
     * @param actual what the rule is over, e.g. {@code columns named ".*_cents" (4)}
     * @param expectation the rule, e.g. {@code to have type:}
     * @param expected the rule's value, rendered
     * @param offendersLabel the offenders' label, e.g. {@code but these columns are not:}
     * @param offenders one line per offender
     * @return the message
     */
    public static ErrorMessageFactory shouldAllMatch(String actual, String expectation, String expected,
            String offendersLabel, List<String> offenders) {
        return new ShouldAllMatch("%nExpecting actual:%n  %s%n%s%n  %s%n%s%n  %s", actual, expectation, expected,
                offendersLabel, String.join("\n", offenders));
    }

    /**
     * Says that a rule without a value to show does not hold, e.g. {@code to have a primary key on every table}.
     *
     * @param actual what the rule is over
     * @param expectation the rule
     * @param offendersLabel the offenders' label
     * @param offenders one line per offender
     * @return the message
     */
    public static ErrorMessageFactory shouldAllMatch(String actual, String expectation, String offendersLabel,
            List<String> offenders) {
        return new ShouldAllMatch("%nExpecting actual:%n  %s%n%s%n%s%n  %s", actual, expectation, offendersLabel,
                String.join("\n", offenders));
    }
}
