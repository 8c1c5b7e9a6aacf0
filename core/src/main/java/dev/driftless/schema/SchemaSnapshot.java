package dev.driftless.schema;

import dev.driftless.internal.schema.SnapshotJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code SchemaSnapshot} is an immutable model of a database's schema, read by {@link SchemaInspector}: schemas,
 * extensions, tables (with their columns, constraints, indexes, triggers and policies), views, sequences, functions and
 * procedures, enums, domains and composite types, with comments, owners and privileges.
 *
 * <p>Objects are identified by schema-qualified names, never OIDs, and every list is kept in a fixed order, so
 * {@code equals} means "same schema": two databases built differently give equal snapshots when their schemas are the
 * same. {@link SchemaDiff} says how two snapshots differ.
 *
 * <p>A snapshot serialises to stable, pretty JSON ({@link #toJson()}, keys sorted) and reads back equal
 * ({@link #fromJson(String)}), so a golden snapshot can be committed and its changes reviewed.
 *
 * @param schemas the schemas, sorted by name
 * @param extensions the extensions, sorted by name
 * @param tables the tables, sorted by schema and name
 * @param views the views and materialized views, sorted by schema and name
 * @param sequences the sequences, sorted by schema and name
 * @param functions the functions and procedures, sorted by schema and signature
 * @param enums the enum types, sorted by schema and name
 * @param domains the domains, sorted by schema and name
 * @param compositeTypes the composite types, sorted by schema and name
 */
public record SchemaSnapshot(List<Schema> schemas, List<Extension> extensions, List<Table> tables, List<View> views,
        List<Sequence> sequences, List<Routine> functions, List<EnumType> enums, List<Domain> domains,
        List<CompositeType> compositeTypes) {

    /** Creates a snapshot; lists are copied and sorted by identity. */
    public SchemaSnapshot {
        schemas = Values.sorted(schemas, Comparator.comparing(Schema::id));
        extensions = Values.sorted(extensions, Comparator.comparing(Extension::id));
        tables = Values.sorted(tables, Comparator.comparing(Table::id));
        views = Values.sorted(views, Comparator.comparing(View::id));
        sequences = Values.sorted(sequences, Comparator.comparing(Sequence::id));
        functions = Values.sorted(functions, Comparator.comparing(Routine::id));
        enums = Values.sorted(enums, Comparator.comparing(EnumType::id));
        domains = Values.sorted(domains, Comparator.comparing(Domain::id));
        compositeTypes = Values.sorted(compositeTypes, Comparator.comparing(CompositeType::id));
    }

    /** @return a snapshot of an empty database (no objects at all) */
    public static SchemaSnapshot empty() {
        return new SchemaSnapshot(null, null, null, null, null, null, null, null, null);
    }

    /**
     * Finds a table by name: {@code schema.table}, or a bare name looked up in {@code public} first, then in any schema
     * when exactly one has it.
     *
     * @param name {@code booking} or {@code billing.invoice}
     * @return the table, or empty
     */
    public Optional<Table> table(String name) {
        return find(tables, name, Table::schema, Table::name);
    }

    /**
     * Finds a view or materialized view by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the view, or empty
     */
    public Optional<View> view(String name) {
        return find(views, name, View::schema, View::name);
    }

    /**
     * Finds a sequence by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the sequence, or empty
     */
    public Optional<Sequence> sequence(String name) {
        return find(sequences, name, Sequence::schema, Sequence::name);
    }

    /**
     * Returns the functions and procedures with a name (all overloads), like {@link #table(String)} for the schema.
     *
     * @param name the name without arguments, optionally schema-qualified
     * @return the overloads, possibly none
     */
    public List<Routine> functions(String name) {
        int dot = name.indexOf('.');
        return functions.stream()
                .filter(f -> dot < 0 ? f.name().equals(name) : (f.schema() + "." + f.name()).equals(name))
                .toList();
    }

    /**
     * Serialises this snapshot to pretty JSON with sorted keys; the same snapshot always gives the same text.
     *
     * @return the JSON text, ending with a newline
     */
    public String toJson() {
        return SnapshotJson.write(this);
    }

    /**
     * Reads a snapshot written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the snapshot, equal to the one written
     * @throws dev.driftless.DriftlessException when the text is not a snapshot, naming the line and column
     */
    public static SchemaSnapshot fromJson(String json) {
        return SnapshotJson.read(json, SchemaSnapshot.class, "the snapshot JSON");
    }

    /**
     * Writes {@link #toJson()} to a file (UTF-8), creating parent folders.
     *
     * @param file the file
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeTo(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the schema snapshot to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a snapshot file written by {@link #writeTo(Path)}.
     *
     * @param file the file
     * @return the snapshot
     * @throws UncheckedIOException when the file cannot be read
     * @throws dev.driftless.DriftlessException when it is not a snapshot, naming the file, line and column
     */
    public static SchemaSnapshot readFrom(Path file) {
        try {
            return SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8), SchemaSnapshot.class,
                    file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> Optional<T> find(List<T> objects, String name, java.util.function.Function<T, String> schemaOf,
            java.util.function.Function<T, String> nameOf) {
        int dot = name.indexOf('.');
        if (dot >= 0) {
            String schema = name.substring(0, dot);
            String bare = name.substring(dot + 1);
            return objects.stream().filter(o -> schemaOf.apply(o).equals(schema) && nameOf.apply(o).equals(bare))
                    .findFirst();
        }
        List<T> named = objects.stream().filter(o -> nameOf.apply(o).equals(name)).toList();
        Optional<T> inPublic = named.stream().filter(o -> schemaOf.apply(o).equals("public")).findFirst();
        if (inPublic.isPresent() || named.size() != 1) {
            return inPublic;
        }
        return Optional.of(named.get(0));
    }
}
