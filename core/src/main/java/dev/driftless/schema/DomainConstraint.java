package dev.driftless.schema;

/**
 * {@code DomainConstraint} is a {@code CHECK} constraint of a {@link Domain}.
 *
 * @param name the name, never {@code null}
 * @param definition the definition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK (VALUE > 0)}
 * @param validated {@code false} when added {@code NOT VALID} and not validated since
 */
public record DomainConstraint(String name, String definition, boolean validated) {

    /**
     * Creates a domain constraint.
     *
     * @param name the value for the {@code name} record component
     * @param definition the value for the {@code definition} record component
     * @param validated the value for the {@code validated} record component
     */
    public DomainConstraint {
        Values.required(name, "name");
        Values.required(definition, "definition");
    }
}
