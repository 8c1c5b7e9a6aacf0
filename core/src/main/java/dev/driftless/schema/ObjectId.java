package dev.driftless.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * {@code ObjectId} is the identity of a catalog object: its kind, schema and name, and for objects that belong to a
 * table (columns, constraints, indexes, triggers, policies) the table's name. Functions and procedures carry their
 * argument types in the name, e.g. {@code add_booking(integer, text)}. Never an OID, so objects of two databases built
 * differently match when their schemas are equal.
 *
 * @param kind the kind, never {@code null}
 * @param schema the schema; {@code null} for schemas themselves, for the kinds that belong to the whole database
 *     (extensions, publications, event triggers, foreign-data wrappers, foreign servers, user mappings, casts, access
 *     methods, transforms) and for {@linkplain DefaultPrivileges default privileges}, whose name says their schema
 * @param table the owning table for {@linkplain ObjectKind#isPartOfTable() parts of a table}, else {@code null}
 * @param name the object's name (functions: name and argument types), never {@code null}
 */
public record ObjectId(ObjectKind kind, String schema, String table, String name) implements Comparable<ObjectId> {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<ObjectId> ORDER = Comparator
            .comparing(ObjectId::schema, NULLS_FIRST)
            .thenComparing(ObjectId::subjectName)
            .thenComparing(id -> id.table() != null)
            .thenComparing(ObjectId::kind)
            .thenComparing(ObjectId::name);

    /**
     * Creates an identity; see the record description.
     *
     * @param kind the kind
     * @param schema the schema, or {@code null} for a schema or a database-wide object (an extension, a cast, ...)
     * @param table the owning table, or {@code null}
     * @param name the name
     */
    public ObjectId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind.isPartOfTable() != (table != null)) {
            throw new IllegalArgumentException("A " + kind.label() + (kind.isPartOfTable() ? " needs" : " has no")
                    + " owning table: " + name);
        }
    }

    /**
     * Returns the identity of an object that does not belong to a table.
     *
     * @param kind the kind
     * @param schema the schema, or {@code null} for a schema or a database-wide object (an extension, a cast, ...)
     * @param name the name
     * @return the identity
     */
    public static ObjectId of(ObjectKind kind, String schema, String name) {
        return new ObjectId(kind, schema, null, name);
    }

    /**
     * Returns the identity of a part of a table.
     *
     * @param kind a kind for which {@link ObjectKind#isPartOfTable()} holds
     * @param schema the table's schema
     * @param table the table's name
     * @param name the part's name
     * @return the identity
     */
    public static ObjectId inTable(ObjectKind kind, String schema, String table, String name) {
        return new ObjectId(kind, schema, table, name);
    }

    /**
     * Returns the object this one is reported under: its table for parts of a table, else itself.
     *
     * @return the identity of the table or of this object
     */
    public ObjectId subject() {
        return table == null ? this : of(ObjectKind.TABLE, schema, table);
    }

    /**
     * Returns the schema-qualified name people read, e.g. {@code public.booking} or {@code public.booking.starts_at}.
     *
     * @return the qualified name
     */
    public String qualifiedName() {
        StringBuilder text = new StringBuilder();
        if (schema != null) {
            text.append(schema).append('.');
        }
        if (table != null) {
            text.append(table).append('.');
        }
        return text.append(name).toString();
    }

    /**
     * Returns the name as renderers show it: without the schema when it is {@code public}.
     *
     * @return e.g. {@code booking} for {@code public.booking}, {@code billing.invoice} otherwise
     */
    public String displayName() {
        return schema == null || schema.equals("public") ? name : schema + "." + name;
    }

    private String subjectName() {
        return table != null ? table : name;
    }

    @Override
    public int compareTo(ObjectId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind.label() + " " + qualifiedName();
    }
}
