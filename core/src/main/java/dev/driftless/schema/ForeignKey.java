package dev.driftless.schema;

import java.util.List;

/**
 * {@code ForeignKey} is what a foreign key {@link Constraint} refers to, and how.
 *
 * @param referencedTable the referenced table, schema-qualified ({@code public.party})
 * @param referencedColumns the referenced columns, in key order
 * @param onDelete the {@code ON DELETE} action: {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE},
 *     {@code SET NULL} or {@code SET DEFAULT}
 * @param onUpdate the {@code ON UPDATE} action, same values
 * @param match {@code SIMPLE}, {@code FULL} or {@code PARTIAL}
 */
public record ForeignKey(String referencedTable, List<String> referencedColumns, String onDelete, String onUpdate,
        String match) {

    /**
     * Creates a foreign key description; lists are copied.
     *
     * @param referencedTable the value for the {@code referencedTable} record component
     * @param referencedColumns the value for the {@code referencedColumns} record component
     * @param onDelete the value for the {@code onDelete} record component
     * @param onUpdate the value for the {@code onUpdate} record component
     * @param match the value for the {@code match} record component
     */
    public ForeignKey {
        Values.required(referencedTable, "referencedTable");
        referencedColumns = Values.list(referencedColumns);
    }
}
