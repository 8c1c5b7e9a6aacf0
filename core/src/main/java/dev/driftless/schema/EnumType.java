package dev.driftless.schema;

import java.util.List;

/**
 * {@code EnumType} is an enum type ({@code CREATE TYPE ... AS ENUM}).
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param labels the labels in sort order
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record EnumType(String schema, String name, List<String> labels, String owner, String comment) {

    /**
     * Creates an enum type; lists are copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param labels the value for the {@code labels} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public EnumType {
        Values.required(schema, "schema");
        Values.required(name, "name");
        labels = Values.list(labels);
    }

    /** @return the identity of this type */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.ENUM, schema, name);
    }
}
