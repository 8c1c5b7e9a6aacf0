package dev.driftless.schema;

/**
 * {@code TextSearchTemplate} is a text search template created with {@code CREATE TEXT SEARCH TEMPLATE} (not a
 * built-in one, not one of an extension). Templates have no owner.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param initFunction the {@code INIT} function, or {@code null}
 * @param lexizeFunction the {@code LEXIZE} function
 * @param comment the comment, or {@code null}
 */
public record TextSearchTemplate(String schema, String name, String initFunction, String lexizeFunction,
        String comment) {

    /**
     * Creates a text search template.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param initFunction the value for the {@code initFunction} record component
     * @param lexizeFunction the value for the {@code lexizeFunction} record component
     * @param comment the value for the {@code comment} record component
     */
    public TextSearchTemplate {
        Values.required(schema, "schema");
        Values.required(name, "name");
    }

    /** @return the identity of this text search template */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_TEMPLATE, schema, name);
    }
}
