package dev.driftless.schema;

/**
 * {@code TextSearchParser} is a text search parser created with {@code CREATE TEXT SEARCH PARSER} (not a built-in one,
 * not one of an extension). Parsers have no owner.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param startFunction the {@code START} function
 * @param tokenFunction the {@code GETTOKEN} function
 * @param endFunction the {@code END} function
 * @param lexTypesFunction the {@code LEXTYPES} function
 * @param headlineFunction the {@code HEADLINE} function, or {@code null}
 * @param comment the comment, or {@code null}
 */
public record TextSearchParser(String schema, String name, String startFunction, String tokenFunction,
        String endFunction, String lexTypesFunction, String headlineFunction, String comment) {

    /**
     * Creates a text search parser.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param startFunction the value for the {@code startFunction} record component
     * @param tokenFunction the value for the {@code tokenFunction} record component
     * @param endFunction the value for the {@code endFunction} record component
     * @param lexTypesFunction the value for the {@code lexTypesFunction} record component
     * @param headlineFunction the value for the {@code headlineFunction} record component
     * @param comment the value for the {@code comment} record component
     */
    public TextSearchParser {
        Values.required(schema, "schema");
        Values.required(name, "name");
    }

    /** @return the identity of this text search parser */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_PARSER, schema, name);
    }
}
