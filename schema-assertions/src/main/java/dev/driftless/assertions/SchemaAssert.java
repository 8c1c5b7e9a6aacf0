package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldAllMatch.shouldAllMatch;
import static dev.driftless.assertions.internal.error.ShouldBeSameSchema.shouldBeSameSchemaAs;
import static dev.driftless.assertions.internal.error.ShouldBeSameSchema.shouldMatchSnapshot;
import static dev.driftless.assertions.internal.error.ShouldBeSameSchema.snapshotShouldExist;
import static dev.driftless.assertions.internal.error.ShouldHaveProperty.shouldHaveProperty;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.Names;
import dev.driftless.assertions.internal.SchemaRules;
import dev.driftless.assertions.internal.SnapshotFiles;
import dev.driftless.schema.CompositeType;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.Domain;
import dev.driftless.schema.EnumType;
import dev.driftless.schema.Extension;
import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.Routine;
import dev.driftless.schema.Schema;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Sequence;
import dev.driftless.schema.Table;
import dev.driftless.schema.View;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * {@code SchemaAssert} is the assertion on a whole {@link SchemaSnapshot}: which objects exist, exhaustive lists
 * ({@link #tablesAre}, {@link #extensionsAre}, {@link #indexesOn}), rules over every table that list every offender
 * ({@link #everyTableHasPrimaryKey()}, {@link #everyForeignKeyHasIndex()}, {@link #hasNoRedundantIndexes()},
 * {@link #columnsNamed(String)}, {@link #namesOf(ObjectKind...)}) and golden snapshots ({@link #matchesSnapshot(String)}).
 *
 * <pre>{@code
 * assertThat(schema).hasTable("booking").hasExtension("pgcrypto").everyTableHasPrimaryKey();
 * assertThat(schema).table("booking").hasColumn("starts_at").ofType("timestamptz").isNotNull();
 * }</pre>
 *
 * Names are read as SQL reads them and found as {@link SchemaSnapshot#table(String)} finds them: optionally
 * schema-qualified ({@code billing.invoice}), unquoted names folded to lower case, quoted ones ({@code "Orders"}) taken
 * as written; a bare name is looked up in {@code public} first, then in the one other schema that has it.
 */
public class SchemaAssert extends AbstractCatalogAssert<SchemaAssert, SchemaSnapshot> {

    private final DiffOptions options;

    // Use DriftlessAssertions.assertThat(SchemaSnapshot).
    SchemaAssert(SchemaSnapshot actual, FailureSink sink) {
        this(actual, sink, DiffOptions.defaults());
    }

    private SchemaAssert(SchemaSnapshot actual, FailureSink sink, DiffOptions options) {
        super(actual, SchemaAssert.class, sink);
        this.options = options;
    }

    @Override
    String label() {
        return "the schema";
    }

    /**
     * {@code usingDiffOptions} sets how {@link #matchesSnapshot} and {@link #isSameSchemaAs} compare: the diff's
     * normalisation options.
     *
     * <pre>{@code
     * assertThat(schema).usingDiffOptions(DiffOptions.defaults().ignoringComments()).matchesSnapshot(path); // passes when only comments differ
     * }</pre>
     *
     * @param diffOptions the options
     * @return a new assertion on the same schema
     */
    public SchemaAssert usingDiffOptions(DiffOptions diffOptions) {
        return copy(new SchemaAssert(actual, sink(), diffOptions));
    }

    /**
     * {@code ignoringTables} leaves tables out of the rules ({@link #everyTableHasPrimaryKey()} and the others), of
     * {@link #tablesAre} and of comparisons, e.g. a history table or a legacy table the team accepts. A name means the
     * same everywhere, as in {@link DiffOptions#ignoringTables(String...)}: {@code name} in any schema, or
     * {@code schema.name}.
     *
     * <pre>{@code
     * assertThat(schema).ignoringTables("legacy_log").everyTableHasPrimaryKey();   // legacy_log has none: passes
     * }</pre>
     *
     * @param tables table names, optionally schema-qualified
     * @return a new assertion on the same schema
     */
    public SchemaAssert ignoringTables(String... tables) {
        return copy(new SchemaAssert(actual, sink(), options.ignoringTables(tables)));
    }

    private SchemaAssert copy(SchemaAssert other) {
        if (info.hasDescription()) {
            other.info.description(info.description());
        }
        return other;
    }

    private List<Table> tables() {
        return actual.tables().stream().filter(t -> !options.ignoresTable(t)).toList();
    }

    // ---- tables ------------------------------------------------------------------------------------------------

    /**
     * {@code hasTable} checks that a table exists.
     *
     * <pre>{@code
     * assertThat(schema).hasTable("booking");   // passes when public.booking exists
     * assertThat(schema).hasTable("bookings");  // fails: to have table "bookings" but found tables "booking", "party"
     * }</pre>
     *
     * @param name the table, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasTable(String name) {
        findTable(name);
        return myself;
    }

    /**
     * {@code doesNotHaveTable} checks that a table does not exist.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveTable("tmp_import");  // passes when there is none
     * assertThat(schema).doesNotHaveTable("booking");     // fails: but it has table public.booking
     * }</pre>
     *
     * @param name the table, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveTable(String name) {
        return assertDoesNotHave("table", name, () -> actual.table(name).map(t -> t.schema() + "." + t.name()));
    }

    /**
     * {@code table} checks that a table exists and returns the assertion on it.
     *
     * <pre>{@code
     * assertThat(schema).table("booking").hasColumn("starts_at");   // passes when both exist
     * assertThat(schema).table("nope");                              // fails like hasTable("nope")
     * }</pre>
     *
     * @param name the table, optionally schema-qualified
     * @return the assertion on the table
     */
    public TableAssert table(String name) {
        if (skipped()) {
            return new TableAssert(null, null, sink());
        }
        TableAssert result = new TableAssert(findTable(name), actual, sink());
        if (info.hasDescription()) {
            result.as(info.description());
        }
        return result;
    }

    /**
     * {@code tablesAre} checks the exact set of tables: no more, no less (in any order).
     *
     * <pre>{@code
     * assertThat(schema).tablesAre("booking", "party");   // passes when these are the only tables
     * assertThat(schema).tablesAre("booking");            // fails: these were not expected: "party"
     * }</pre>
     *
     * @param names the tables, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert tablesAre(String... names) {
        return assertHasExactly("tables", names, name -> actual.table(name), this::tables,
                unexpected -> Message.quoted(names(unexpected, Table::schema, Table::name).stream().sorted().toList()));
    }

    /**
     * {@code indexesOn} starts an exhaustive check of a table's indexes: {@code indexesOn("booking").are(...)}.
     *
     * <pre>{@code
     * assertThat(schema).indexesOn("booking").are("booking_pkey", "booking_party_idx");   // passes when exactly these
     * }</pre>
     *
     * @param table the table, optionally schema-qualified
     * @return the assertion on the table's indexes
     */
    public IndexesAssert indexesOn(String table) {
        return new IndexesAssert(table(table).actual(), sink());
    }

    // ---- other kinds -------------------------------------------------------------------------------------------

    /**
     * {@code hasView} checks that a (plain) view exists.
     *
     * <pre>{@code
     * assertThat(schema).hasView("active_party");   // passes when the view exists
     * assertThat(schema).hasView("nope");           // fails: to have view "nope" but found views ...
     * }</pre>
     *
     * @param name the view, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasView(String name) {
        return hasView("view", name, false);
    }

    /**
     * {@code doesNotHaveView} checks that no plain view has this name.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveView("old_report");   // passes when there is none
     * }</pre>
     *
     * @param name the view, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveView(String name) {
        return doesNotHaveView("view", name, false);
    }

    /**
     * {@code hasMaterializedView} checks that a materialized view exists.
     *
     * <pre>{@code
     * assertThat(schema).hasMaterializedView("daily_totals");   // passes when it exists
     * }</pre>
     *
     * @param name the materialized view, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasMaterializedView(String name) {
        return hasView("materialized view", name, true);
    }

    /**
     * {@code doesNotHaveMaterializedView} checks that no materialized view has this name.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveMaterializedView("old_totals");   // passes when there is none
     * }</pre>
     *
     * @param name the materialized view, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveMaterializedView(String name) {
        return doesNotHaveView("materialized view", name, true);
    }

    /**
     * {@code hasSequence} checks that a sequence exists (identity columns' sequences are not listed: see
     * {@link ColumnAssert#isIdentity()}).
     *
     * <pre>{@code
     * assertThat(schema).hasSequence("invoice_number_seq");   // passes when it exists
     * }</pre>
     *
     * @param name the sequence, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasSequence(String name) {
        assertHas("sequence", name, () -> actual.sequence(name),
                () -> names(actual.sequences(), Sequence::schema, Sequence::name));
        return myself;
    }

    /**
     * {@code doesNotHaveSequence} checks that no sequence has this name.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveSequence("old_seq");   // passes when there is none
     * }</pre>
     *
     * @param name the sequence, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveSequence(String name) {
        return assertDoesNotHave("sequence", name, () -> actual.sequence(name).map(s -> s.schema() + "." + s.name()));
    }

    /**
     * {@code hasFunction} checks that a function exists, by name (any overload) or by signature
     * ({@code add_booking(integer, text)}, argument types as PostgreSQL prints them).
     *
     * <pre>{@code
     * assertThat(schema).hasFunction("touch_updated_at");   // passes when a function of that name exists
     * assertThat(schema).hasFunction("touch_updated_at(integer)");   // fails when it takes no arguments
     * }</pre>
     *
     * @param nameOrSignature the name or signature, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasFunction(String nameOrSignature) {
        return hasRoutine("function", nameOrSignature, false);
    }

    /**
     * {@code doesNotHaveFunction} checks that no function has this name or signature.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveFunction("legacy_sync");   // passes when there is none
     * }</pre>
     *
     * @param nameOrSignature the name or signature, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveFunction(String nameOrSignature) {
        return doesNotHaveRoutine("function", nameOrSignature, false);
    }

    /**
     * {@code hasProcedure} checks that a procedure exists, by name or signature.
     *
     * <pre>{@code
     * assertThat(schema).hasProcedure("archive_bookings");   // passes when the procedure exists
     * }</pre>
     *
     * @param nameOrSignature the name or signature, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasProcedure(String nameOrSignature) {
        return hasRoutine("procedure", nameOrSignature, true);
    }

    /**
     * {@code doesNotHaveProcedure} checks that no procedure has this name or signature.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveProcedure("old_job");   // passes when there is none
     * }</pre>
     *
     * @param nameOrSignature the name or signature, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveProcedure(String nameOrSignature) {
        return doesNotHaveRoutine("procedure", nameOrSignature, true);
    }

    /**
     * {@code hasEnum} checks that an enum type exists and, when labels are given, that it has exactly these labels in
     * this order.
     *
     * <pre>{@code
     * assertThat(schema).hasEnum("booking_status", "Pending", "Confirmed", "Cancelled");   // passes
     * assertThat(schema).hasEnum("booking_status", "Pending", "Confirmed");   // fails: but found labels ...
     * }</pre>
     *
     * @param name the enum type, optionally schema-qualified
     * @param labels the expected labels in order; none to check existence only
     * @return this assertion
     */
    public SchemaAssert hasEnum(String name, String... labels) {
        EnumType found = assertHas("enum", name, () -> actual.enumType(name),
                () -> names(actual.enums(), EnumType::schema, EnumType::name));
        if (found != null && labels.length > 0 && !found.labels().equals(List.of(labels))) {
            failWith(shouldHaveProperty("enum " + found.schema() + "." + found.name(), "to have labels:",
                    Message.quoted(List.of(labels)), Message.quoted(found.labels())));
        }
        return myself;
    }

    /**
     * {@code doesNotHaveEnum} checks that no enum type has this name.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveEnum("old_status");   // passes when there is none
     * }</pre>
     *
     * @param name the enum type, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveEnum(String name) {
        return assertDoesNotHave("enum", name, () -> actual.enumType(name).map(e -> e.schema() + "." + e.name()));
    }

    /**
     * {@code hasDomain} checks that a domain exists and, when a base type is given, that it is based on it.
     *
     * <pre>{@code
     * assertThat(schema).hasDomain("email", "text");      // passes for CREATE DOMAIN email AS text ...
     * assertThat(schema).hasDomain("email", "varchar");   // fails: but found base type "text"
     * }</pre>
     *
     * @param name the domain, optionally schema-qualified
     * @param baseType the base type, or {@code null} to check existence only
     * @return this assertion
     */
    public SchemaAssert hasDomain(String name, String baseType) {
        Domain found = assertHas("domain", name, () -> actual.domain(name),
                () -> names(actual.domains(), Domain::schema, Domain::name));
        if (found != null && baseType != null && !Names.type(baseType).equals(Names.type(found.baseType()))) {
            failWith(shouldHaveProperty("domain " + found.schema() + "." + found.name(), "to have base type:",
                    Message.quote(baseType), Message.quote(found.baseType())));
        }
        return myself;
    }

    /**
     * {@code hasDomain} checks that a domain exists.
     *
     * <pre>{@code
     * assertThat(schema).hasDomain("email");   // passes when the domain exists
     * }</pre>
     *
     * @param name the domain, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasDomain(String name) {
        return hasDomain(name, null);
    }

    /**
     * {@code doesNotHaveDomain} checks that no domain has this name.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveDomain("old_email");   // passes when there is none
     * }</pre>
     *
     * @param name the domain, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveDomain(String name) {
        return assertDoesNotHave("domain", name, () -> actual.domain(name).map(d -> d.schema() + "." + d.name()));
    }

    /**
     * {@code hasCompositeType} checks that a composite type exists.
     *
     * <pre>{@code
     * assertThat(schema).hasCompositeType("money_amount");   // passes when the type exists
     * }</pre>
     *
     * @param name the type, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert hasCompositeType(String name) {
        assertHas("composite type", name, () -> actual.compositeType(name),
                () -> names(actual.compositeTypes(), CompositeType::schema, CompositeType::name));
        return myself;
    }

    /**
     * {@code doesNotHaveCompositeType} checks that no composite type has this name.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveCompositeType("old_pair");   // passes when there is none
     * }</pre>
     *
     * @param name the type, optionally schema-qualified
     * @return this assertion
     */
    public SchemaAssert doesNotHaveCompositeType(String name) {
        return assertDoesNotHave("composite type", name,
                () -> actual.compositeType(name).map(c -> c.schema() + "." + c.name()));
    }

    /**
     * {@code hasSchema} checks that a schema (namespace) exists.
     *
     * <pre>{@code
     * assertThat(schema).hasSchema("billing");   // passes when CREATE SCHEMA billing ran
     * }</pre>
     *
     * @param name the schema's name
     * @return this assertion
     */
    public SchemaAssert hasSchema(String name) {
        assertHas("schema", name, () -> actual.schema(name),
                () -> actual.schemas().stream().map(Schema::name).toList());
        return myself;
    }

    /**
     * {@code doesNotHaveSchema} checks that no schema has this name.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveSchema("staging");   // passes when there is none
     * }</pre>
     *
     * @param name the schema's name
     * @return this assertion
     */
    public SchemaAssert doesNotHaveSchema(String name) {
        return assertDoesNotHave("schema", name, () -> actual.schema(name).map(Schema::name));
    }

    /**
     * {@code hasExtension} checks that an extension is installed.
     *
     * <pre>{@code
     * assertThat(schema).hasExtension("pgcrypto");   // passes after CREATE EXTENSION pgcrypto
     * assertThat(schema).hasExtension("postgis");    // fails: but found extensions "pgcrypto"
     * }</pre>
     *
     * @param name the extension
     * @return this assertion
     */
    public SchemaAssert hasExtension(String name) {
        assertHas("extension", name, () -> actual.extension(name),
                () -> actual.extensions().stream().map(Extension::name).toList());
        return myself;
    }

    /**
     * {@code doesNotHaveExtension} checks that an extension is not installed.
     *
     * <pre>{@code
     * assertThat(schema).doesNotHaveExtension("postgis");   // passes when it is not installed
     * }</pre>
     *
     * @param name the extension
     * @return this assertion
     */
    public SchemaAssert doesNotHaveExtension(String name) {
        return assertDoesNotHave("extension", name, () -> actual.extension(name).map(Extension::name));
    }

    /**
     * {@code extensionsAre} checks the exact set of installed extensions (in any order).
     *
     * <pre>{@code
     * assertThat(schema).extensionsAre("pgcrypto", "btree_gist");   // passes when exactly these are installed
     * }</pre>
     *
     * @param names the extensions
     * @return this assertion
     */
    public SchemaAssert extensionsAre(String... names) {
        return assertHasExactly("extensions", names, name -> actual.extension(name), () -> actual.extensions(),
                unexpected -> Message.quoted(unexpected.stream().map(Extension::name).sorted().toList()));
    }

    // ---- rules ---------------------------------------------------------------------------------------------------

    /**
     * {@code everyTableHasPrimaryKey} checks that every table (partitions aside) has a primary key, and lists every
     * table that has none.
     *
     * <pre>{@code
     * assertThat(schema).everyTableHasPrimaryKey();   // fails: tables without a primary key: audit_log, import_row
     * }</pre>
     *
     * @return this assertion
     */
    public SchemaAssert everyTableHasPrimaryKey() {
        return rule("to have a primary key on every table", "but these tables have none:",
                SchemaRules.tablesWithoutPrimaryKey(tables()));
    }

    /**
     * {@code everyForeignKeyHasIndex} checks that every foreign key has an index whose leading columns are the
     * foreign key's columns (so deleting a referenced row does not scan the referencing table), and lists every
     * foreign key that has none.
     *
     * <pre>{@code
     * assertThat(schema).everyForeignKeyHasIndex();   // fails: booking (party_id) → party (booking_party_id_fkey)
     * }</pre>
     *
     * @return this assertion
     */
    public SchemaAssert everyForeignKeyHasIndex() {
        return rule("to have, for every foreign key, an index starting with its columns",
                "but these foreign keys have none:", SchemaRules.foreignKeysWithoutIndex(tables()));
    }

    /**
     * {@code hasNoRedundantIndexes} checks that no index is made redundant by another on the same table (same method
     * and predicate, keys a prefix of the other's; unique and constraint indexes only by an identical one), and lists
     * every redundant index.
     *
     * <pre>{@code
     * assertThat(schema).hasNoRedundantIndexes();   // fails: booking_party_idx (party_id) is covered by ...
     * }</pre>
     *
     * @return this assertion
     */
    public SchemaAssert hasNoRedundantIndexes() {
        return rule("to have no redundant indexes", "but these indexes are covered by others:",
                SchemaRules.redundantIndexes(tables()));
    }

    /**
     * {@code columnsNamed} selects every column whose name matches a regular expression (the whole name), for a rule
     * over them: {@code columnsNamed(".*_cents").allHaveType("bigint")}.
     *
     * <pre>{@code
     * assertThat(schema).columnsNamed(".*_cents").allHaveType("bigint");   // money in integer cents
     * }</pre>
     *
     * @param regex a Java regular expression matched against the whole column name
     * @return the assertion on the selected columns
     */
    public ColumnsAssert columnsNamed(String regex) {
        return new ColumnsAssert(skipped() ? Map.of() : SchemaRules.columnsNamed(tables(), regex), regex, sink());
    }

    /**
     * {@code namesOf} selects the names of every object of some kinds, for a naming convention:
     * {@code namesOf(ObjectKind.TABLE, ObjectKind.COLUMN).allMatch("[a-z][a-z0-9_]*")}.
     *
     * <pre>{@code
     * assertThat(schema).namesOf(ObjectKind.INDEX).allMatch(".*_(idx|pkey|key|excl)");   // lists every other name
     * }</pre>
     *
     * @param kinds the kinds
     * @return the assertion on the names
     */
    public NamesAssert namesOf(ObjectKind... kinds) {
        return new NamesAssert(skipped() ? List.of() : SchemaRules.names(actual, tables(), Set.of(kinds)),
                Arrays.stream(kinds).map(ObjectKind::label).collect(Collectors.joining(", ")), sink());
    }

    // ---- whole schema --------------------------------------------------------------------------------------------

    /**
     * {@code isSameSchemaAs} compares with another snapshot using the diff options ({@link #usingDiffOptions}); on a
     * difference it throws opentest4j's {@link AssertionFailedError} carrying both snapshots as JSON, with the rendered
     * diff as the message.
     *
     * <pre>{@code
     * assertThat(migrated).isSameSchemaAs(fresh);   // fails: 1 difference ... Table booking: column ends_at: added
     * }</pre>
     *
     * @param expected the expected schema
     * @return this assertion
     */
    public SchemaAssert isSameSchemaAs(SchemaSnapshot expected) {
        if (skipped()) {
            return myself;
        }
        SchemaDiff diff = SchemaDiff.between(expected, actual, options);
        if (!diff.isEmpty()) {
            failWith(shouldBeSameSchemaAs(label(), diff.toText()), expected.toJson(), actual.toJson());
        }
        return myself;
    }

    /**
     * {@code matchesSnapshot} compares with a golden snapshot file (JSON written by {@link SchemaSnapshot#writeTo});
     * with {@code -Ddriftless.updateSnapshots=true} it writes the file instead and passes; a missing file fails. On a
     * difference it throws {@link AssertionFailedError} with both JSON texts and the rendered diff.
     *
     * <pre>{@code
     * assertThat(schema).matchesSnapshot("src/test/resources/schema.json");   // passes while the schema is unchanged
     * }</pre>
     *
     * @param file the snapshot file, relative to the working directory
     * @return this assertion
     */
    public SchemaAssert matchesSnapshot(String file) {
        return matchesSnapshot(Path.of(file));
    }

    /**
     * {@code matchesSnapshot} compares with a golden snapshot file; see {@link #matchesSnapshot(String)}.
     *
     * <pre>{@code
     * assertThat(schema).matchesSnapshot(Path.of("src/test/resources/schema.json"));
     * }</pre>
     *
     * @param file the snapshot file
     * @return this assertion
     */
    public SchemaAssert matchesSnapshot(Path file) {
        if (skipped()) {
            return myself;
        }
        SnapshotFiles.Outcome outcome = SnapshotFiles.compare(actual, file, options);
        if (outcome.missing()) {
            return failWith(snapshotShouldExist(label(), file.toString(), Path.of("").toAbsolutePath().toString()));
        }
        if (outcome.diff() != null) {
            failWith(shouldMatchSnapshot(label(), file.toString(), outcome.diff().toText()), outcome.expectedJson(),
                    actual.toJson());
        }
        return myself;
    }

    // ---- machinery -----------------------------------------------------------------------------------------------

    private Table findTable(String name) {
        return assertHas("table", name, () -> actual.table(name),
                () -> names(actual.tables(), Table::schema, Table::name));
    }

    private SchemaAssert hasView(String kind, String name, boolean materialized) {
        assertHas(kind, name, () -> actual.view(name).filter(v -> v.materialized() == materialized),
                () -> names(actual.views().stream().filter(v -> v.materialized() == materialized).toList(),
                        View::schema, View::name));
        return myself;
    }

    private SchemaAssert doesNotHaveView(String kind, String name, boolean materialized) {
        return assertDoesNotHave(kind, name, () -> actual.view(name).filter(v -> v.materialized() == materialized)
                .map(v -> v.schema() + "." + v.name()));
    }

    private SchemaAssert hasRoutine(String kind, String nameOrSignature, boolean procedure) {
        assertHas(kind, nameOrSignature, () -> routine(nameOrSignature, procedure),
                () -> names(actual.functions().stream().filter(f -> isRoutine(f, procedure)).toList(),
                        Routine::schema, Routine::signature));
        return myself;
    }

    private SchemaAssert doesNotHaveRoutine(String kind, String nameOrSignature, boolean procedure) {
        return assertDoesNotHave(kind, nameOrSignature,
                () -> routine(nameOrSignature, procedure).map(f -> f.schema() + "." + f.signature()));
    }

    private Optional<Routine> routine(String nameOrSignature, boolean procedure) {
        return actual.functions(nameOrSignature).stream().filter(f -> isRoutine(f, procedure)).findFirst();
    }

    /** A function ({@code procedure} false) or a procedure; an aggregate is neither. */
    private static boolean isRoutine(Routine routine, boolean procedure) {
        return routine.procedure() == procedure && routine.aggregate() == null;
    }

    private SchemaAssert rule(String expectation, String offendersLabel, List<String> offenders) {
        if (!skipped() && !offenders.isEmpty()) {
            failWith(shouldAllMatch(label(), expectation, offendersLabel, offenders));
        }
        return myself;
    }

    // Names as messages list them: without "public.".
    private static <T> List<String> names(List<T> objects, Function<T, String> schemaOf, Function<T, String> nameOf) {
        return objects.stream().map(o -> Names.display(schemaOf.apply(o), nameOf.apply(o))).toList();
    }
}
