package dev.driftless.schema;

/**
 * {@code Conversion} is an encoding conversion created with {@code CREATE CONVERSION}, not one of an extension.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param sourceEncoding the source encoding, e.g. {@code LATIN1}, never {@code null}
 * @param targetEncoding the target encoding, e.g. {@code UTF8}, never {@code null}
 * @param function the conversion function, never {@code null}
 * @param isDefault whether it is the default conversion between the two encodings ({@code DEFAULT})
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record Conversion(String schema, String name, String sourceEncoding, String targetEncoding, String function,
        boolean isDefault, String owner, String comment) {

    /**
     * Creates a conversion.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param sourceEncoding the value for the {@code sourceEncoding} record component
     * @param targetEncoding the value for the {@code targetEncoding} record component
     * @param function the value for the {@code function} record component
     * @param isDefault the value for the {@code isDefault} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public Conversion {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(sourceEncoding, "sourceEncoding");
        Values.required(targetEncoding, "targetEncoding");
        Values.required(function, "function");
    }

    /** @return the identity of this conversion */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.CONVERSION, schema, name);
    }
}
