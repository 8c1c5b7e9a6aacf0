package dev.driftless.schema;

/**
 * {@code Extension} is an installed extension ({@code CREATE EXTENSION}). The objects it creates are not part of the
 * snapshot: the extension stands for them.
 *
 * @param name the name, e.g. {@code pgcrypto}, never {@code null}
 * @param schema the schema its objects live in
 * @param version the installed version
 * @param comment the comment, or {@code null}
 */
public record Extension(String name, String schema, String version, String comment) {

    /**
     * Creates an extension.
     *
     * @param name the value for the {@code name} record component
     * @param schema the value for the {@code schema} record component
     * @param version the value for the {@code version} record component
     * @param comment the value for the {@code comment} record component
     */
    public Extension {
        Values.required(name, "name");
    }

    /** @return the identity of this extension (database-wide: no schema) */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.EXTENSION, null, name);
    }
}
