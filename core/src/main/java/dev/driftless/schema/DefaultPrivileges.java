package dev.driftless.schema;

import java.util.List;

/**
 * {@code DefaultPrivileges} is one entry of {@code ALTER DEFAULT PRIVILEGES}: the privileges objects of one type get
 * when a role creates them, in one schema or (without {@code IN SCHEMA}) in the whole database.
 *
 * <p>Its identity is the role, the schema (or none) and the object type; its name reads like the statement, e.g.
 * {@code for role app in schema billing on tables} or {@code for role app on functions}.
 *
 * @param role the role whose new objects get these privileges ({@code FOR ROLE}), never {@code null}
 * @param schema the schema ({@code IN SCHEMA}), or {@code null} for database-wide defaults
 * @param objectType {@code tables}, {@code sequences}, {@code functions}, {@code types}, {@code schemas} or
 *     {@code large objects} (PostgreSQL 18), never {@code null}
 * @param privileges the privileges as PostgreSQL prints them ({@code reader=r/app}), sorted, read like a table's. A
 *     database-wide entry holds every privilege the objects get (the owner's too); one in a schema only those it
 *     adds to the database-wide ones. Empty when every privilege is revoked.
 */
public record DefaultPrivileges(String role, String schema, String objectType, List<String> privileges) {

    /**
     * Creates an entry; the list is copied and sorted.
     *
     * @param role the value for the {@code role} record component
     * @param schema the value for the {@code schema} record component
     * @param objectType the value for the {@code objectType} record component
     * @param privileges the value for the {@code privileges} record component
     */
    public DefaultPrivileges {
        Values.required(role, "role");
        Values.required(objectType, "objectType");
        privileges = Values.sortedStrings(privileges);
    }

    /** @return the identity of this entry; its name says the schema, so the identity has none */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.DEFAULT_PRIVILEGES, null,
                "for role " + role + (schema == null ? "" : " in schema " + schema) + " on " + objectType);
    }
}
