package dev.driftless.schema;

import java.util.Locale;

/** {@code ConstraintType} is the kind of a table {@link Constraint}. */
public enum ConstraintType {
    /** {@code PRIMARY KEY}. */
    PRIMARY_KEY,
    /** {@code UNIQUE}. */
    UNIQUE,
    /** {@code FOREIGN KEY ... REFERENCES}. */
    FOREIGN_KEY,
    /** {@code CHECK}. */
    CHECK,
    /** {@code EXCLUDE}. */
    EXCLUSION;

    /** @return the type as people write it, e.g. {@code foreign key} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
