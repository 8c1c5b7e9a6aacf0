package dev.driftless.schema;

import java.util.List;

/**
 * {@code Constraint} is a primary key, unique, foreign key, check or exclusion constraint of a {@link Table}.
 * ({@code NOT NULL} is a property of the {@link Column}.)
 *
 * @param name the name, never {@code null}
 * @param type the type, never {@code null}
 * @param columns the constrained columns in key order (empty for checks on expressions)
 * @param definition the definition as {@code pg_get_constraintdef} prints it, e.g.
 *     {@code FOREIGN KEY (party_id) REFERENCES public.party(party_id) ON DELETE CASCADE}
 * @param foreignKey for foreign keys, what they reference and how; else {@code null}
 * @param deferrable whether the constraint is {@code DEFERRABLE}
 * @param initiallyDeferred whether it is {@code INITIALLY DEFERRED}
 * @param validated {@code false} for a constraint added {@code NOT VALID} and not validated since
 * @param comment the comment, or {@code null}
 */
public record Constraint(String name, ConstraintType type, List<String> columns, String definition,
        ForeignKey foreignKey, boolean deferrable, boolean initiallyDeferred, boolean validated, String comment) {

    /**
     * Creates a constraint; lists are copied.
     *
     * @param name the value for the {@code name} record component
     * @param type the value for the {@code type} record component
     * @param columns the value for the {@code columns} record component
     * @param definition the value for the {@code definition} record component
     * @param foreignKey the value for the {@code foreignKey} record component
     * @param deferrable the value for the {@code deferrable} record component
     * @param initiallyDeferred the value for the {@code initiallyDeferred} record component
     * @param validated the value for the {@code validated} record component
     * @param comment the value for the {@code comment} record component
     */
    public Constraint {
        Values.required(name, "name");
        Values.required(type, "type");
        Values.required(definition, "definition");
        columns = Values.list(columns);
    }
}
