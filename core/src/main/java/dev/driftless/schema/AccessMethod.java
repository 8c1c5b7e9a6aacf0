package dev.driftless.schema;

/**
 * {@code AccessMethod} is an access method created with {@code CREATE ACCESS METHOD} (not a built-in one, not one of
 * an extension). Access methods belong to the whole database and have no owner.
 *
 * @param name the name, never {@code null}
 * @param type {@code TABLE} or {@code INDEX}, never {@code null}
 * @param handler the handler function, never {@code null}
 * @param comment the comment, or {@code null}
 */
public record AccessMethod(String name, String type, String handler, String comment) {

    /**
     * Creates an access method.
     *
     * @param name the value for the {@code name} record component
     * @param type the value for the {@code type} record component
     * @param handler the value for the {@code handler} record component
     * @param comment the value for the {@code comment} record component
     */
    public AccessMethod {
        Values.required(name, "name");
        Values.required(type, "type");
        Values.required(handler, "handler");
    }

    /** @return the identity of this access method (no schema) */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.ACCESS_METHOD, null, name);
    }
}
