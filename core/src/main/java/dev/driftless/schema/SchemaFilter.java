package dev.driftless.schema;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code SchemaFilter} says what a {@link SchemaInspector} reads: which schemas (by default every non-system schema),
 * which object kinds (by default all), and which named objects to leave out. The schemas limit every kind of object
 * that lives in a schema, extensions included (an extension is read only when the schema it is installed in is).
 *
 * <pre>{@code
 * SchemaFilter filter = SchemaFilter.all()
 *     .schemas("public", "billing")
 *     .kinds(ObjectKind.TABLE, ObjectKind.COLUMN, ObjectKind.INDEX)
 *     .excluding("public.audit_log");
 * }</pre>
 *
 * <p>Immutable: each method returns a new filter.
 *
 * @param schemas the schemas to read; empty means every schema except {@code pg_catalog}, {@code information_schema},
 *     {@code pg_toast*}, {@code pg_temp*} and schemas created by extensions
 * @param kinds the kinds of objects to read; leaving out {@link ObjectKind#TABLE} leaves out the parts of tables too
 * @param excluded the objects to leave out, as {@code schema.name} or a bare name (any schema); functions by name
 * @param excludedSchemas schemas not read, whatever {@code schemas} says, with every object in them
 */
public record SchemaFilter(Set<String> schemas, Set<ObjectKind> kinds, Set<String> excluded,
        Set<String> excludedSchemas) {

    /**
     * Creates a filter; sets are copied.
     *
     * @param schemas the value for the {@code schemas} record component
     * @param kinds the value for the {@code kinds} record component
     * @param excluded the value for the {@code excluded} record component
     * @param excludedSchemas the value for the {@code excludedSchemas} record component
     */
    public SchemaFilter {
        schemas = Set.copyOf(new TreeSet<>(schemas));
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        excluded = Set.copyOf(new TreeSet<>(excluded));
        excludedSchemas = Set.copyOf(new TreeSet<>(excludedSchemas));
    }

    /** @return the default filter: every non-system schema, every kind, nothing excluded */
    public static SchemaFilter all() {
        return new SchemaFilter(Set.of(), EnumSet.allOf(ObjectKind.class), Set.of(), Set.of());
    }

    /**
     * Restricts reading to some schemas.
     *
     * @param names schema names
     * @return a new filter
     */
    public SchemaFilter schemas(String... names) {
        return new SchemaFilter(Set.copyOf(Arrays.asList(names)), kinds, excluded, excludedSchemas);
    }

    /**
     * Restricts reading to some kinds of objects.
     *
     * @param only the kinds to read
     * @return a new filter
     */
    public SchemaFilter kinds(ObjectKind... only) {
        return new SchemaFilter(schemas, EnumSet.copyOf(Arrays.asList(only)), excluded, excludedSchemas);
    }

    /**
     * Leaves named objects out (in addition to those already left out).
     *
     * @param names {@code schema.name} or bare names
     * @return a new filter
     */
    public SchemaFilter excluding(String... names) {
        return excluding(List.of(names));
    }

    /**
     * Leaves named objects out (in addition to those already left out).
     *
     * @param names {@code schema.name} or bare names
     * @return a new filter
     */
    public SchemaFilter excluding(Collection<String> names) {
        Set<String> all = new TreeSet<>(excluded);
        all.addAll(names);
        return new SchemaFilter(schemas, kinds, all, excludedSchemas);
    }

    /**
     * Leaves whole schemas out (in addition to those already left out), with every object in them.
     *
     * @param names schema names
     * @return a new filter
     */
    public SchemaFilter excludingSchemas(String... names) {
        Set<String> all = new TreeSet<>(excludedSchemas);
        all.addAll(Arrays.asList(names));
        return new SchemaFilter(schemas, kinds, excluded, all);
    }

    /**
     * Tells whether the objects of a schema are read: it is among {@link #schemas()} (or those are empty) and not
     * among {@link #excludedSchemas()}.
     *
     * @param schema the schema's name
     * @return {@code true} when read
     */
    public boolean readsSchema(String schema) {
        return (schemas.isEmpty() || schemas.contains(schema)) && !excludedSchemas.contains(schema);
    }

    /**
     * Tells whether objects of a kind are read.
     *
     * @param kind the kind
     * @return {@code true} when read
     */
    public boolean includes(ObjectKind kind) {
        return kinds.contains(kind) && (!kind.isPartOfTable() || kinds.contains(ObjectKind.TABLE));
    }

    /**
     * Tells whether a named object is left out.
     *
     * @param schema its schema
     * @param name its name
     * @return {@code true} when {@code schema.name} or {@code name} was excluded
     */
    public boolean excludes(String schema, String name) {
        return excluded.contains(name) || excluded.contains(schema + "." + name);
    }
}
