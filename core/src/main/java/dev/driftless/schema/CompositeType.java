package dev.driftless.schema;

import java.util.List;

/**
 * {@code CompositeType} is a composite type ({@code CREATE TYPE ... AS (...)}).
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param attributes the fields, in order
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record CompositeType(String schema, String name, List<Attribute> attributes, String owner, String comment) {

    /**
     * Creates a composite type; lists are copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param attributes the value for the {@code attributes} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public CompositeType {
        Values.required(schema, "schema");
        Values.required(name, "name");
        attributes = Values.list(attributes);
    }

    /** @return the identity of this type */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.COMPOSITE_TYPE, schema, name);
    }
}
