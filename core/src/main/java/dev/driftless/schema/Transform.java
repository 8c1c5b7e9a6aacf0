package dev.driftless.schema;

/**
 * {@code Transform} is a transform created with {@code CREATE TRANSFORM}, not one of an extension: how a procedural
 * language passes values of a type. Transforms belong to the whole database and have no owner; the type and the
 * language identify one. Names outside {@code pg_catalog} are schema-qualified.
 *
 * @param type the type, never {@code null}
 * @param language the procedural language, never {@code null}
 * @param fromSql the {@code FROM SQL} function with its argument types, or {@code null}
 * @param toSql the {@code TO SQL} function with its argument types, or {@code null}
 * @param comment the comment, or {@code null}
 */
public record Transform(String type, String language, String fromSql, String toSql, String comment) {

    /**
     * Creates a transform.
     *
     * @param type the value for the {@code type} record component
     * @param language the value for the {@code language} record component
     * @param fromSql the value for the {@code fromSql} record component
     * @param toSql the value for the {@code toSql} record component
     * @param comment the value for the {@code comment} record component
     */
    public Transform {
        Values.required(type, "type");
        Values.required(language, "language");
    }

    /** @return the identity of this transform: no schema, named {@code FOR type LANGUAGE language} */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.TRANSFORM, null, "FOR " + type + " LANGUAGE " + language);
    }
}
