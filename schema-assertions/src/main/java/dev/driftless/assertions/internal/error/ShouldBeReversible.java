package dev.driftless.assertions.internal.error;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldBeReversible} says that migrations do not revert cleanly, naming each with its problem, and lists the
 * migrations without a down script:
 *
 * <pre>
 * Expecting actual:
 *   migration chain sql/migrations
 * to be reversible (down restores the schema before up; up again gives the schema of the first up)
 * but 1 migration is not:
 *   003 booking index (sql/migrations/003_booking_index.sql):
 *     down does not restore the schema before up (before up → after down):
 *       ...
 * </pre>
 */
public final class ShouldBeReversible extends MessageTemplate {

    private ShouldBeReversible(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says which migrations are not reversible and which have no down script.
     *
     * @param actual the chain, e.g. {@code migration chain sql/migrations}
     * @param failures one text per failing migration (its name, then its problems indented)
     * @param withoutDown the migrations without a down script
     * @param missingDownFails whether a missing down script is itself a failure
     * @return the message
     */
    public static ErrorMessageFactory shouldBeReversible(String actual, List<String> failures, List<String> withoutDown,
            boolean missingDownFails) {
        StringBuilder format = new StringBuilder("%nExpecting actual:%n  %s%nto be reversible (down restores the"
                + " schema before up; up again gives the schema of the first up)");
        List<Object> arguments = new ArrayList<>(List.of(actual));
        if (!failures.isEmpty()) {
            format.append("%nbut %s not:%n  %s");
            arguments.addAll(List.of(migrationsAre(failures.size()), String.join("\n", failures)));
        }
        if (!withoutDown.isEmpty()) {
            format.append("%n%s%n  %s");
            arguments.add(missingDownFails ? (failures.isEmpty() ? "but " : "and ")
                    + "these migrations have no down script:" : "Migrations without a down script (not checked):");
            arguments.add(String.join("\n", withoutDown));
        }
        return new ShouldBeReversible(format.toString(), arguments.toArray());
    }

    static String migrationsAre(int migrations) {
        return migrations == 1 ? "1 migration is" : migrations + " migrations are";
    }
}
