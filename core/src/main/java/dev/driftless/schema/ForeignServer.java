package dev.driftless.schema;

import java.util.List;

/**
 * {@code ForeignServer} is a foreign server ({@code CREATE SERVER}), not one of an extension; database-wide,
 * identified by name alone.
 *
 * @param name the name, never {@code null}
 * @param wrapper its foreign-data wrapper
 * @param type the {@code TYPE}, or {@code null}
 * @param version the {@code VERSION}, or {@code null}
 * @param options the options, sorted, as {@code name=value}; an option whose name says it can hold a secret
 *     ({@code password}, {@code sslkey}, ...) by its name alone, its value never read (see docs/schema-diff.md)
 * @param owner the owning role
 * @param privileges the access privileges, sorted; empty for the defaults
 * @param comment the comment, or {@code null}
 */
public record ForeignServer(String name, String wrapper, String type, String version, List<String> options,
        String owner, List<String> privileges, String comment) {

    /**
     * Creates a foreign server; lists are copied.
     *
     * @param name the value for the {@code name} record component
     * @param wrapper the value for the {@code wrapper} record component
     * @param type the value for the {@code type} record component
     * @param version the value for the {@code version} record component
     * @param options the value for the {@code options} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     */
    public ForeignServer {
        Values.required(name, "name");
        options = Values.sortedStrings(options);
        privileges = Values.sortedStrings(privileges);
    }

    /** @return the identity of this foreign server */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.FOREIGN_SERVER, null, name);
    }
}
