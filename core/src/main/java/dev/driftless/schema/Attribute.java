package dev.driftless.schema;

/**
 * {@code Attribute} is a field of a {@link CompositeType}.
 *
 * @param name the name, never {@code null}
 * @param type the type with modifiers as PostgreSQL prints it
 * @param collation the collation when not the type's default, else {@code null}
 */
public record Attribute(String name, String type, String collation) {

    /**
     * Creates an attribute.
     *
     * @param name the value for the {@code name} record component
     * @param type the value for the {@code type} record component
     * @param collation the value for the {@code collation} record component
     */
    public Attribute {
        Values.required(name, "name");
        Values.required(type, "type");
    }
}
