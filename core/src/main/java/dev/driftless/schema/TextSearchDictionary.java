package dev.driftless.schema;

/**
 * {@code TextSearchDictionary} is a text search dictionary ({@code CREATE TEXT SEARCH DICTIONARY}), not one of an
 * extension.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param template the template, schema-qualified outside {@code pg_catalog} (e.g. {@code snowball})
 * @param options the options as written, e.g. {@code language = 'english', stopwords = 'english'}, or
 *     {@code null}
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record TextSearchDictionary(String schema, String name, String template, String options, String owner,
        String comment) {

    /**
     * Creates a text search dictionary.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param template the value for the {@code template} record component
     * @param options the value for the {@code options} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public TextSearchDictionary {
        Values.required(schema, "schema");
        Values.required(name, "name");
    }

    /** @return the identity of this text search dictionary */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_DICTIONARY, schema, name);
    }
}
