package dev.driftless.schema;

import java.util.Comparator;
import java.util.List;

/**
 * {@code Domain} is a domain ({@code CREATE DOMAIN}).
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param baseType the underlying type with modifiers, e.g. {@code numeric(10,2)}
 * @param notNull whether it is {@code NOT NULL}
 * @param defaultValue the default expression, or {@code null}
 * @param collation the collation when not the base type's default, else {@code null}
 * @param constraints the check constraints, sorted by name
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record Domain(String schema, String name, String baseType, boolean notNull, String defaultValue,
        String collation, List<DomainConstraint> constraints, String owner, String comment) {

    /**
     * Creates a domain; lists are copied and sorted.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param baseType the value for the {@code baseType} record component
     * @param notNull the value for the {@code notNull} record component
     * @param defaultValue the value for the {@code defaultValue} record component
     * @param collation the value for the {@code collation} record component
     * @param constraints the value for the {@code constraints} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public Domain {
        Values.required(schema, "schema");
        Values.required(name, "name");
        constraints = Values.sorted(constraints, Comparator.comparing(DomainConstraint::name));
    }

    /** @return the identity of this domain */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.DOMAIN, schema, name);
    }
}
