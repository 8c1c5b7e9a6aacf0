package dev.driftless.schema;

import dev.driftless.internal.schema.SnapshotJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code SchemaSnapshot} is an immutable model of a database's schema, read by {@link SchemaInspector}: schemas,
 * extensions, tables (with their columns, constraints, indexes, triggers, policies, rules and extended statistics),
 * views, sequences, functions, procedures and aggregates, enums, domains, composite types, collations, default
 * privileges, text search configurations, dictionaries, parsers and templates, publications, event triggers,
 * foreign-data wrappers, foreign servers, user mappings and foreign tables, with comments, owners and privileges.
 * extensions, tables (with their columns, constraints, indexes, triggers and policies), views, sequences, functions and
 * procedures, enums, domains, composite types, collations, range and base types, casts, operators, operator classes and
 * families, conversions, access methods and transforms, with comments, owners and privileges.
 *
 * <p>Objects are identified by schema-qualified names, never OIDs, and every list is kept in a fixed order, so
 * {@code equals} means "same schema": two databases built differently give equal snapshots when their schemas are the
 * same. {@link SchemaDiff} says how two snapshots differ.
 *
 * <p>The lookups by name ({@link #table(String)}, {@link #view(String)}, {@link #functions(String)} and the others) are
 * the one place Driftless resolves what people write, so the assertions and any other caller agree. A name is read as
 * SQL reads it: a dot outside double quotes separates schema and name ({@code billing.invoice}); an unquoted part folds
 * to lower case as PostgreSQL folds it ({@code Billing.Invoice} is {@code billing.invoice}); a double-quoted part is
 * taken as written ({@code "Sales"."Leads"}, with {@code ""} for a quote inside). A bare name is looked up as with the
 * default {@code search_path}: in {@code public} first; unlike the server, a name found in exactly one other schema is
 * found there too, and a name several other schemas have (and {@code public} has not) finds nothing, so qualify it. A
 * text SQL cannot read as {@code [schema.]name} (three parts, an empty part, an unterminated quote) finds nothing.
 *
 * <p>A snapshot serialises to stable, pretty JSON ({@link #toJson()}, keys sorted) and reads back equal
 * ({@link #fromJson(String)}), so a golden snapshot can be committed and its changes reviewed.
 *
 * @param schemas the schemas, sorted by name
 * @param extensions the extensions, sorted by name
 * @param tables the tables, sorted by schema and name
 * @param views the views and materialized views, sorted by schema and name
 * @param sequences the sequences, sorted by schema and name
 * @param functions the functions, procedures and aggregates, sorted by schema and signature
 * @param enums the enum types, sorted by schema and name
 * @param domains the domains, sorted by schema and name
 * @param compositeTypes the composite types, sorted by schema and name
 * @param collations the collations created with {@code CREATE COLLATION}, sorted by schema and name
 * @param defaultPrivileges the entries of {@code ALTER DEFAULT PRIVILEGES}, sorted by identity; the database-wide
 *     ones only in a snapshot of every schema (one limited to some schemas holds only the entries of those schemas)
 * @param textSearchConfigurations the text search configurations, sorted by schema and name
 * @param textSearchDictionaries the text search dictionaries, sorted by schema and name
 * @param textSearchParsers the text search parsers created with {@code CREATE TEXT SEARCH PARSER}, sorted by schema
 *     and name
 * @param textSearchTemplates the text search templates created with {@code CREATE TEXT SEARCH TEMPLATE}, sorted by
 *     schema and name
 * @param publications the publications (database-wide), sorted by name
 * @param eventTriggers the event triggers (database-wide), sorted by name
 * @param foreignDataWrappers the foreign-data wrappers (database-wide), sorted by name
 * @param foreignServers the foreign servers (database-wide), sorted by name
 * @param userMappings the user mappings (database-wide; no option values), sorted by user and server
 * @param foreignTables the foreign tables, sorted by schema and name
 * @param rangeTypes the range types, sorted by schema and name
 * @param baseTypes the base types and shell types, sorted by schema and name
 * @param casts the casts created with {@code CREATE CAST}, sorted by source and target type
 * @param operators the operators, sorted by schema, symbol and operand types
 * @param operatorClasses the operator classes, sorted by schema, name and access method
 * @param operatorFamilies the operator families, sorted by schema, name and access method
 * @param conversions the encoding conversions, sorted by schema and name
 * @param accessMethods the access methods created with {@code CREATE ACCESS METHOD}, sorted by name
 * @param transforms the transforms, sorted by type and language
 * @param notCompared the kinds of objects found in the database that snapshots do not model (casts, operators,
 *     rules, ...), each with how many there are, sorted by kind; empty when there are none. A diff lists them (see
 *     {@link SchemaDiff#notCompared()}), so "no differences" never silently means "not looked at". Only user-defined
 *     objects count, not those created by extensions; docs/schema-diff.md lists the kinds and why each is left out.
 */
public record SchemaSnapshot(List<Schema> schemas, List<Extension> extensions, List<Table> tables, List<View> views,
        List<Sequence> sequences, List<Routine> functions, List<EnumType> enums, List<Domain> domains,
        List<CompositeType> compositeTypes, List<Collation> collations, List<DefaultPrivileges> defaultPrivileges,
        List<TextSearchConfiguration> textSearchConfigurations, List<TextSearchDictionary> textSearchDictionaries,
        List<TextSearchParser> textSearchParsers, List<TextSearchTemplate> textSearchTemplates,
        List<Publication> publications, List<EventTrigger> eventTriggers,
        List<ForeignDataWrapper> foreignDataWrappers, List<ForeignServer> foreignServers,
        List<UserMapping> userMappings, List<ForeignTable> foreignTables,
        List<RangeType> rangeTypes, List<BaseType> baseTypes, List<Cast> casts, List<Operator> operators,
        List<OperatorClass> operatorClasses, List<OperatorFamily> operatorFamilies, List<Conversion> conversions,
        List<AccessMethod> accessMethods, List<Transform> transforms, Map<String, Integer> notCompared) {

    /**
     * Creates a snapshot; lists are copied and sorted by identity.
     *
     * @param schemas the value for the {@code schemas} record component
     * @param extensions the value for the {@code extensions} record component
     * @param tables the value for the {@code tables} record component
     * @param views the value for the {@code views} record component
     * @param sequences the value for the {@code sequences} record component
     * @param functions the value for the {@code functions} record component
     * @param enums the value for the {@code enums} record component
     * @param domains the value for the {@code domains} record component
     * @param compositeTypes the value for the {@code compositeTypes} record component
     * @param collations the value for the {@code collations} record component
     * @param defaultPrivileges the value for the {@code defaultPrivileges} record component
     * @param textSearchConfigurations the value for the {@code textSearchConfigurations} record component
     * @param textSearchDictionaries the value for the {@code textSearchDictionaries} record component
     * @param textSearchParsers the value for the {@code textSearchParsers} record component
     * @param textSearchTemplates the value for the {@code textSearchTemplates} record component
     * @param publications the value for the {@code publications} record component
     * @param eventTriggers the value for the {@code eventTriggers} record component
     * @param foreignDataWrappers the value for the {@code foreignDataWrappers} record component
     * @param foreignServers the value for the {@code foreignServers} record component
     * @param userMappings the value for the {@code userMappings} record component
     * @param foreignTables the value for the {@code foreignTables} record component
     * @param rangeTypes the value for the {@code rangeTypes} record component
     * @param baseTypes the value for the {@code baseTypes} record component
     * @param casts the value for the {@code casts} record component
     * @param operators the value for the {@code operators} record component
     * @param operatorClasses the value for the {@code operatorClasses} record component
     * @param operatorFamilies the value for the {@code operatorFamilies} record component
     * @param conversions the value for the {@code conversions} record component
     * @param accessMethods the value for the {@code accessMethods} record component
     * @param transforms the value for the {@code transforms} record component
     * @param notCompared the value for the {@code notCompared} record component
     */
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
        collations = Values.sorted(collations, Comparator.comparing(Collation::id));
        defaultPrivileges = Values.sorted(defaultPrivileges, Comparator.comparing(DefaultPrivileges::id));
        textSearchConfigurations = Values.sorted(textSearchConfigurations, Comparator.comparing(TextSearchConfiguration::id));
        textSearchDictionaries = Values.sorted(textSearchDictionaries, Comparator.comparing(TextSearchDictionary::id));
        textSearchParsers = Values.sorted(textSearchParsers, Comparator.comparing(TextSearchParser::id));
        textSearchTemplates = Values.sorted(textSearchTemplates, Comparator.comparing(TextSearchTemplate::id));
        publications = Values.sorted(publications, Comparator.comparing(Publication::id));
        eventTriggers = Values.sorted(eventTriggers, Comparator.comparing(EventTrigger::id));
        foreignDataWrappers = Values.sorted(foreignDataWrappers, Comparator.comparing(ForeignDataWrapper::id));
        foreignServers = Values.sorted(foreignServers, Comparator.comparing(ForeignServer::id));
        userMappings = Values.sorted(userMappings, Comparator.comparing(UserMapping::id));
        foreignTables = Values.sorted(foreignTables, Comparator.comparing(ForeignTable::id));
        rangeTypes = Values.sorted(rangeTypes, Comparator.comparing(RangeType::id));
        baseTypes = Values.sorted(baseTypes, Comparator.comparing(BaseType::id));
        casts = Values.sorted(casts, Comparator.comparing(Cast::id));
        operators = Values.sorted(operators, Comparator.comparing(Operator::id));
        operatorClasses = Values.sorted(operatorClasses, Comparator.comparing(OperatorClass::id));
        operatorFamilies = Values.sorted(operatorFamilies, Comparator.comparing(OperatorFamily::id));
        conversions = Values.sorted(conversions, Comparator.comparing(Conversion::id));
        accessMethods = Values.sorted(accessMethods, Comparator.comparing(AccessMethod::id));
        transforms = Values.sorted(transforms, Comparator.comparing(Transform::id));
        notCompared = Values.sortedMap(notCompared);
    }

    /** @return a snapshot of an empty database (no objects at all) */
    public static SchemaSnapshot empty() {
        return new SchemaSnapshot(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Finds a table by name, read as SQL reads it (see the class description): {@code booking}, {@code Booking},
     * {@code billing.invoice} or {@code "Sales"."Leads"}; a bare name is looked up in {@code public} first, then in the
     * one other schema that has it.
     *
     * <pre>{@code
     * snapshot.table("booking");           // public.booking, else the one table "booking" of another schema
     * snapshot.table("BILLING.Invoice");   // billing.invoice: unquoted names fold to lower case
     * snapshot.table("\"Orders\"");        // public."Orders", the mixed-case table, not public.orders
     * }</pre>
     *
     * @param name the name, optionally schema-qualified, never {@code null}
     * @return the table, or empty when none has this name or a bare name is ambiguous
     */
    public Optional<Table> table(String name) {
        return one(tables, name, Table::schema, Table::name);
    }

    /**
     * Finds a view or materialized view by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the view, or empty
     */
    public Optional<View> view(String name) {
        return one(views, name, View::schema, View::name);
    }

    /**
     * Finds a sequence by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the sequence, or empty
     */
    public Optional<Sequence> sequence(String name) {
        return one(sequences, name, Sequence::schema, Sequence::name);
    }

    /**
     * Finds an enum type by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the enum type, or empty
     */
    public Optional<EnumType> enumType(String name) {
        return one(enums, name, EnumType::schema, EnumType::name);
    }

    /**
     * Finds a domain by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the domain, or empty
     */
    public Optional<Domain> domain(String name) {
        return one(domains, name, Domain::schema, Domain::name);
    }

    /**
     * Finds a composite type by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the composite type, or empty
     */
    public Optional<CompositeType> compositeType(String name) {
        return one(compositeTypes, name, CompositeType::schema, CompositeType::name);
    }

    /**
     * Finds a foreign table by name, like {@link #table(String)}.
     *
     * @param name the name, optionally schema-qualified
     * @return the foreign table, or empty
     */
    public Optional<ForeignTable> foreignTable(String name) {
        return one(foreignTables, name, ForeignTable::schema, ForeignTable::name);
    }

    /**
     * Finds a schema (namespace) by name, read as SQL reads a name: {@code billing}, {@code Billing} (the same),
     * {@code "Sales"}.
     *
     * @param name the schema's name, never {@code null}
     * @return the schema, or empty (also for a qualified name, which no schema has)
     */
    public Optional<Schema> schema(String name) {
        return parse(name).filter(n -> n.schema() == null)
                .flatMap(n -> schemas.stream().filter(s -> s.name().equals(n.name())).findFirst());
    }

    /**
     * Finds an installed extension by name, read as SQL reads a name ({@code pgcrypto}, {@code "uuid-ossp"}).
     *
     * @param name the extension's name, never {@code null}
     * @return the extension, or empty (also for a qualified name: extensions belong to the whole database)
     */
    public Optional<Extension> extension(String name) {
        return parse(name).filter(n -> n.schema() == null)
                .flatMap(n -> extensions.stream().filter(e -> e.name().equals(n.name())).findFirst());
    }

    /**
     * Returns the functions and procedures a name or a signature stands for. A name ({@code touch},
     * {@code billing.touch}) gives every overload; a signature ({@code add_booking(integer, text)}) the one whose
     * argument types PostgreSQL prints so (compared without white space and case). The name is read and its schema
     * chosen like {@link #table(String)}'s: a bare name or signature stands for those in {@code public}, else for those
     * of the one other schema that has it.
     *
     * <pre>{@code
     * snapshot.functions("touch");                    // every overload of public.touch, else of the one schema's
     * snapshot.functions("add_booking(integer,text)");  // that signature, in public or in the one schema with it
     * }</pre>
     *
     * @param nameOrSignature the name, or the name and argument types in parentheses; optionally schema-qualified
     * @return the functions and procedures, in snapshot order; possibly none
     */
    public List<Routine> functions(String nameOrSignature) {
        int paren = outsideQuotes(nameOrSignature, '(');
        List<Routine> candidates = functions;
        if (paren >= 0) {
            String arguments = compact(nameOrSignature.substring(paren));
            candidates = functions.stream().filter(f -> compact("(" + f.argumentTypes() + ")").equals(arguments))
                    .toList();
        }
        List<Routine> found = candidates;
        return parse(paren < 0 ? nameOrSignature : nameOrSignature.substring(0, paren))
                .map(n -> resolve(found, n, Routine::schema, Routine::name)).orElse(List.of());
    }

    /**
     * Returns the schema-qualified name a table name stands for: that of the table {@link #table(String)} finds, else
     * the name as SQL reads it ({@link #qualifiedName(String)}), e.g. for a table this snapshot leaves out.
     *
     * <pre>{@code
     * snapshot.qualifiedTableName("invoice");    // billing.invoice when only billing has an invoice table
     * snapshot.qualifiedTableName("Customer");   // public.customer when there is no such table
     * }</pre>
     *
     * @param name the name, optionally schema-qualified
     * @return {@code schema.name}, unquoted
     */
    public String qualifiedTableName(String name) {
        return table(name).map(t -> t.schema() + "." + t.name()).orElseGet(() -> qualifiedName(name));
    }

    /**
     * Reads a name as SQL reads it and qualifies a bare one with {@code public}, the schema of the default
     * {@code search_path}: {@code Party} → {@code public.party}, {@code billing."Invoice"} → {@code billing.Invoice}.
     * It looks nothing up; {@link #table(String)} and the others do.
     *
     * @param name the name, optionally schema-qualified, never {@code null}
     * @return {@code schema.name}, unquoted; the text itself when SQL cannot read it as {@code [schema.]name}
     */
    public static String qualifiedName(String name) {
        return parse(name).map(n -> (n.schema() == null ? DEFAULT_SCHEMA : n.schema()) + "." + n.name()).orElse(name);
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

    // ---- names ----------------------------------------------------------------------------------------------

    private static final String DEFAULT_SCHEMA = "public";

    /** A name as SQL reads it: its schema, or {@code null} when bare, and the object's name, both unquoted. */
    private record Name(String schema, String name) {
    }

    private static <T> Optional<T> one(List<T> objects, String name, Function<T, String> schemaOf,
            Function<T, String> nameOf) {
        return parse(name).flatMap(n -> resolve(objects, n, schemaOf, nameOf).stream().findFirst());
    }

    // The objects a name stands for: those of its schema; for a bare name those in public, else those of the one
    // other schema that has it (several such schemas: none, the name is ambiguous).
    private static <T> List<T> resolve(List<T> objects, Name name, Function<T, String> schemaOf,
            Function<T, String> nameOf) {
        List<T> named = objects.stream().filter(o -> nameOf.apply(o).equals(name.name())).toList();
        String schema = name.schema();
        if (schema == null) {
            List<T> inDefault = named.stream().filter(o -> schemaOf.apply(o).equals(DEFAULT_SCHEMA)).toList();
            if (!inDefault.isEmpty()) {
                return inDefault;
            }
            Set<String> schemas = named.stream().map(schemaOf).collect(Collectors.toSet());
            return schemas.size() == 1 ? named : List.of();
        }
        return named.stream().filter(o -> schemaOf.apply(o).equals(schema)).toList();
    }

    // Reads [schema.]name as PostgreSQL's parser does: parts separated by dots outside double quotes; a quoted part
    // is kept as written ("" stands for a quote), an unquoted one is trimmed and folded to lower case.
    private static Optional<Name> parse(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            i = skipSpaces(text, i);
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        return Optional.empty();
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        part.append(c);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        part.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
            } else {
                int start = i;
                while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '"') {
                    i++;
                }
                part.append(fold(text.substring(start, i).strip()));
            }
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.toString());
            i = skipSpaces(text, i);
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i) != '.') {
                return Optional.empty();
            }
            i++;
        }
        return switch (parts.size()) {
            case 1 -> Optional.of(new Name(null, parts.get(0)));
            case 2 -> Optional.of(new Name(parts.get(0), parts.get(1)));
            default -> Optional.empty();
        };
    }

    // PostgreSQL folds only ASCII letters in an unquoted identifier (in UTF-8 databases; see downcase_identifier).
    private static String fold(String identifier) {
        StringBuilder folded = new StringBuilder(identifier.length());
        for (char c : identifier.toCharArray()) {
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int outsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String compact(String argumentTypes) {
        return argumentTypes.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
