package dev.driftless.assertions.internal.error;

import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldBeIdempotent} says that scripts cannot run twice, naming each with its problem:
 *
 * <pre>
 * Expecting actual:
 *   migration chain sql/init_schema.sql
 * to be idempotent (each script runs twice without error, leaving the same schema)
 * but 1 migration is not:
 *   1 init schema (sql/init_schema.sql):
 *     the second run failed:
 *       ...
 * </pre>
 */
public final class ShouldBeIdempotent extends MessageTemplate {

    private ShouldBeIdempotent(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says which scripts cannot run twice.
     *
     * @param actual the chain
     * @param failures one text per failing migration (its name, then its problem indented)
     * @return the message
     */
    public static ErrorMessageFactory shouldBeIdempotent(String actual, List<String> failures) {
        return new ShouldBeIdempotent("%nExpecting actual:%n  %s%nto be idempotent (each script runs twice without"
                + " error, leaving the same schema)%nbut %s not:%n  %s", actual,
                ShouldBeReversible.migrationsAre(failures.size()), String.join("\n", failures));
    }
}
