package dev.driftless.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code Equivalence} names two ways of writing a schema that {@link SchemaDiff} treats as equal when
 * {@link DiffOptions#treatingAsEqual asked}; each is off by default. The CLI's {@code --treat-as-equal} takes the same
 * names in lower case with hyphens ({@link #cliName()}).
 */
public enum Equivalence {

    /**
     * A foreign key's {@code ON DELETE} or {@code ON UPDATE} action {@code NO ACTION} equals {@code RESTRICT}: both
     * refuse a change that leaves rows referencing nothing (they differ only in when, for deferred checks).
     */
    NO_ACTION_IS_RESTRICT,

    /**
     * A {@code UNIQUE} constraint equals a unique index that does the same: same method, columns in the same order,
     * {@code INCLUDE} columns, no predicate, {@code NULLS NOT DISTINCT} and storage parameters, and the same name
     * (any name with {@link DiffOptions#matchingConstraintsAndIndexesByDefinition()}). A {@code DEFERRABLE}
     * constraint is not equal to any index.
     */
    UNIQUE_CONSTRAINT_IS_UNIQUE_INDEX;

    /** @return the name in lower case with hyphens, as the CLI takes it ({@code no-action-is-restrict}) */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Returns the equivalence with this CLI name.
     *
     * @param cliName a {@link #cliName()}
     * @return the equivalence
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Equivalence ofCliName(String cliName) {
        return Arrays.stream(values()).filter(e -> e.cliName().equals(cliName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown equivalence '" + cliName + "'; known: "
                        + Arrays.stream(values()).map(Equivalence::cliName).collect(Collectors.joining(", "))));
    }
}
