package dev.driftless.assertions;

/**
 * {@code ReferentialAction} is what a foreign key does when the referenced row is deleted or its key updated, for
 * {@link ForeignKeyAssert#onDelete(ReferentialAction)} and {@link ForeignKeyAssert#onUpdate(ReferentialAction)}.
 */
public enum ReferentialAction {
    /** {@code NO ACTION}, the default: fail at the end of the statement (or transaction, when deferred). */
    NO_ACTION("NO ACTION"),
    /** {@code RESTRICT}: fail at once. */
    RESTRICT("RESTRICT"),
    /** {@code CASCADE}: delete or update the referencing rows too. */
    CASCADE("CASCADE"),
    /** {@code SET NULL}: set the referencing columns to {@code NULL}. */
    SET_NULL("SET NULL"),
    /** {@code SET DEFAULT}: set the referencing columns to their defaults. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** @return the action as SQL writes it, e.g. {@code SET NULL} */
    public String sql() {
        return sql;
    }
}
