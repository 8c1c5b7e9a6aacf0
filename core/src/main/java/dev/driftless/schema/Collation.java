package dev.driftless.schema;

/**
 * {@code Collation} is a collation created with {@code CREATE COLLATION} (not the built-in ones, not those of
 * extensions).
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param provider {@code libc}, {@code icu} or {@code builtin} (PostgreSQL 17), never {@code null}
 * @param lcCollate the {@code LC_COLLATE} of a libc collation, else {@code null}
 * @param lcCtype the {@code LC_CTYPE} of a libc collation, else {@code null}
 * @param locale the locale of an ICU or builtin collation, else {@code null}
 * @param rules the ICU tailoring rules (PostgreSQL 16), or {@code null}
 * @param deterministic whether equal strings must be byte-wise equal ({@code false} only for some ICU collations)
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record Collation(String schema, String name, String provider, String lcCollate, String lcCtype, String locale,
        String rules, boolean deterministic, String owner, String comment) {

    /**
     * Creates a collation.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param provider the value for the {@code provider} record component
     * @param lcCollate the value for the {@code lcCollate} record component
     * @param lcCtype the value for the {@code lcCtype} record component
     * @param locale the value for the {@code locale} record component
     * @param rules the value for the {@code rules} record component
     * @param deterministic the value for the {@code deterministic} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public Collation {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(provider, "provider");
    }

    /** @return the identity of this collation */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.COLLATION, schema, name);
    }
}
