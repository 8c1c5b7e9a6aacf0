package dev.driftless.schema;

import java.util.List;

/**
 * {@code ForeignDataWrapper} is a foreign-data wrapper ({@code CREATE FOREIGN DATA WRAPPER}), not one of an extension;
 * database-wide, identified by name alone.
 *
 * @param name the name, never {@code null}
 * @param handler the handler function, or {@code null}
 * @param validator the validator function, or {@code null}
 * @param options the options, sorted, as {@code name=value}; an option whose name says it can hold a secret
 *     ({@code password}, {@code sslkey}, ...) by its name alone, its value never read (see docs/schema-diff.md)
 * @param owner the owning role
 * @param privileges the access privileges, sorted; empty for the defaults
 * @param comment the comment, or {@code null}
 */
public record ForeignDataWrapper(String name, String handler, String validator, List<String> options, String owner,
        List<String> privileges, String comment) {

    /**
     * Creates a foreign-data wrapper; lists are copied.
     *
     * @param name the value for the {@code name} record component
     * @param handler the value for the {@code handler} record component
     * @param validator the value for the {@code validator} record component
     * @param options the value for the {@code options} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     */
    public ForeignDataWrapper {
        Values.required(name, "name");
        options = Values.sortedStrings(options);
        privileges = Values.sortedStrings(privileges);
    }

    /** @return the identity of this foreign-data wrapper */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.FOREIGN_DATA_WRAPPER, null, name);
    }
}
