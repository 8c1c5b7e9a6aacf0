package dev.driftless.schema;

import java.util.List;

/**
 * {@code Schema} is a schema (namespace) of the database.
 *
 * @param name the name, never {@code null}
 * @param owner the owning role
 * @param privileges the access privileges as PostgreSQL prints them ({@code role=UC/owner}), sorted; empty for the
 *     defaults
 * @param comment the comment, or {@code null}
 */
public record Schema(String name, String owner, List<String> privileges, String comment) {

    /**
     * Creates a schema; lists are copied and sorted.
     *
     * @param name the value for the {@code name} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     */
    public Schema {
        Values.required(name, "name");
        privileges = Values.sortedStrings(privileges);
    }

    /** @return the identity of this schema */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.SCHEMA, null, name);
    }
}
