package dev.driftless.assertions.internal.error;

import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldPreserveData} says that migrating lost rows of a fixture, table by table:
 *
 * <pre>
 * Expecting actual:
 *   migration chain sql/migrations migrated from 2 to 4
 * to keep every row of:
 *   Fixture[3 rows in [party]]
 * but these tables lost rows (rows at 2 → rows after migrating):
 *   party: 3 → 2
 * </pre>
 */
public final class ShouldPreserveData extends MessageTemplate {

    private ShouldPreserveData(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says which tables lost rows.
     *
     * @param actual the chain and the versions, e.g. {@code migration chain sql/migrations migrated from 2 to 4}
     * @param fixture the fixture loaded
     * @param start the version the fixture was loaded at
     * @param lost one line per table that lost rows, e.g. {@code party: 3 → 2}
     * @return the message
     */
    public static ErrorMessageFactory shouldPreserveData(String actual, Object fixture, Object start,
            List<String> lost) {
        return new ShouldPreserveData("%nExpecting actual:%n  %s%nto keep every row of:%n  %s%nbut these tables lost"
                + " rows (rows at %s → rows after migrating):%n  %s", actual, fixture, start, String.join("\n", lost));
    }
}
