package dev.driftless.schema;

/**
 * {@code Cast} is a cast created with {@code CREATE CAST} (not a built-in one, not one of an extension, not those a
 * range type brings to its multirange type). Casts belong to the whole database; the source and target types identify
 * one. Type and function names outside {@code pg_catalog} are schema-qualified.
 *
 * @param source the source type, never {@code null}
 * @param target the target type, never {@code null}
 * @param method {@code WITH FUNCTION f(argument types)}, {@code WITHOUT FUNCTION} or {@code WITH INOUT}, never
 *     {@code null}
 * @param context {@code explicit}, {@code assignment} or {@code implicit}, never {@code null}
 * @param comment the comment, or {@code null}
 */
public record Cast(String source, String target, String method, String context, String comment) {

    /**
     * Creates a cast.
     *
     * @param source the value for the {@code source} record component
     * @param target the value for the {@code target} record component
     * @param method the value for the {@code method} record component
     * @param context the value for the {@code context} record component
     * @param comment the value for the {@code comment} record component
     */
    public Cast {
        Values.required(source, "source");
        Values.required(target, "target");
        Values.required(method, "method");
        Values.required(context, "context");
    }

    /** @return the identity of this cast: no schema, named {@code (source AS target)} */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.CAST, null, "(" + source + " AS " + target + ")");
    }
}
