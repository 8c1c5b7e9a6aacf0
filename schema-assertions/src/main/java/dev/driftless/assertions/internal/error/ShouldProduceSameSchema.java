package dev.driftless.assertions.internal.error;

import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldProduceSameSchema} says that a migrated chain gives another schema than the expected one (a master
 * schema script or another chain), shows the difference and where its HTML report is:
 *
 * <pre>
 * Expecting actual:
 *   migration chain sql/migrations migrated to 004
 * to produce the same schema as:
 *   sql/init_schema.sql
 * but found (sql/init_schema.sql → migrated chain):
 *   1 difference (1 structure)
 *   table party: column email: added (text)
 * HTML report: target/driftless/produceSameSchemaAs-sql_migrations.html
 * </pre>
 */
public final class ShouldProduceSameSchema extends MessageTemplate {

    private ShouldProduceSameSchema(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that the migrated chain's schema differs from the expected one.
     *
     * @param actual the chain and its target, e.g. {@code migration chain sql/migrations migrated to 004}
     * @param expected what builds the expected schema, e.g. the master schema script's name
     * @param differences the rendered difference, expected to migrated
     * @param report the HTML report written, or {@code null} when none could be written
     * @return the message
     */
    public static ErrorMessageFactory shouldProduceSameSchemaAs(String actual, String expected, String differences,
            Object report) {
        String format = "%nExpecting actual:%n  %s%nto produce the same schema as:%n  %s%nbut found (%s → migrated"
                + " chain):%n  %s";
        String trimmed = differences.stripTrailing();
        if (report == null) {
            return new ShouldProduceSameSchema(format, actual, expected, expected, trimmed);
        }
        return new ShouldProduceSameSchema(format + "%nHTML report: %s", actual, expected, expected, trimmed, report);
    }
}
