package dev.driftless.schema;

import java.util.List;

/**
 * {@code TextSearchConfiguration} is a text search configuration ({@code CREATE TEXT SEARCH CONFIGURATION}), not one
 * of an extension.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param parser the parser, schema-qualified outside {@code pg_catalog} (e.g. {@code "default"})
 * @param mapping one entry per token type that has dictionaries, in the parser's token order, as pg_dump
 *     prints it: {@code asciiword WITH public.english_stem, simple}
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record TextSearchConfiguration(String schema, String name, String parser, List<String> mapping, String owner,
        String comment) {

    /**
     * Creates a text search configuration; lists are copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param parser the value for the {@code parser} record component
     * @param mapping the value for the {@code mapping} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public TextSearchConfiguration {
        Values.required(schema, "schema");
        Values.required(name, "name");
        mapping = Values.list(mapping);
    }

    /** @return the identity of this text search configuration */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_CONFIGURATION, schema, name);
    }
}
