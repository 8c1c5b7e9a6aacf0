package dev.driftless.assertions.internal.error;

import dev.driftless.config.DriftlessConfig;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldBeSameSchema} says that a schema differs from the expected one (another snapshot or a golden file), and
 * shows the differences, or that the golden file is missing:
 *
 * <pre>
 * Expecting actual:
 *   the schema
 * to be the same schema as the expected one, but found (expected → actual):
 *   1 difference (1 structure)
 *   table party: column email: added (text)
 * </pre>
 */
public final class ShouldBeSameSchema extends MessageTemplate {

    private static final String UPDATE = "-D" + DriftlessConfig.UPDATE_SNAPSHOTS + "=true";

    private ShouldBeSameSchema(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that a schema differs from another snapshot.
     *
     * @param actual the schema, e.g. {@code the schema}
     * @param differences the rendered difference, expected to actual
     * @return the message
     */
    public static ErrorMessageFactory shouldBeSameSchemaAs(String actual, String differences) {
        return new ShouldBeSameSchema("%nExpecting actual:%n  %s%nto be the same schema as the expected one, but found"
                + " (expected → actual):%n  %s", actual, differences);
    }

    /**
     * Says that a schema differs from its golden snapshot file, and how to accept the change.
     *
     * @param actual the schema
     * @param file the snapshot file
     * @param differences the rendered difference, snapshot to actual
     * @return the message
     */
    public static ErrorMessageFactory shouldMatchSnapshot(String actual, String file, String differences) {
        return new ShouldBeSameSchema("%nExpecting actual:%n  %s%nto match the snapshot:%n  %s%nbut found (snapshot →"
                + " actual):%n  %s%nIf the change is intended, run once with %s and review the file's diff.", actual,
                file, differences, UPDATE);
    }

    /**
     * Says that the golden snapshot file does not exist, and how to write it.
     *
     * @param actual the schema
     * @param file the snapshot file
     * @param workingDirectory the directory a relative file is read from
     * @return the message
     */
    public static ErrorMessageFactory snapshotShouldExist(String actual, String file, String workingDirectory) {
        return new ShouldBeSameSchema("%nExpecting actual:%n  %s%nto match the snapshot:%n  %s%nbut the file does not"
                + " exist (working directory %s).%nRun once with %s to write it, then commit it.", actual, file,
                workingDirectory, UPDATE);
    }
}
