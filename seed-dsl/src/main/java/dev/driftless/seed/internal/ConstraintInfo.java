package dev.driftless.seed.internal;

import java.util.List;

/**
 * {@code ConstraintInfo} is a primary key, unique, check or foreign key constraint.
 *
 * @param name the constraint name
 * @param type {@code p}, {@code u}, {@code c} or {@code f}
 * @param table the constrained table's key ({@code schema.name})
 * @param columns the constrained columns, in key order
 * @param refTable for a foreign key, the referenced table's key, else {@code null}
 * @param refColumns for a foreign key, the referenced columns matching {@link #columns()}, else empty
 * @param deferrable whether the constraint is {@code DEFERRABLE}
 */
public record ConstraintInfo(String name, char type, String table, List<String> columns, String refTable,
                             List<String> refColumns, boolean deferrable) {

    /** @return whether this is a foreign key */
    public boolean isForeignKey() {
        return type == 'f';
    }

    /**
     * Returns the referenced column that matches a constrained column.
     *
     * @param column a column of {@link #columns()}
     * @return the referenced column
     */
    public String refColumnFor(String column) {
        return refColumns.get(columns.indexOf(column));
    }
}
