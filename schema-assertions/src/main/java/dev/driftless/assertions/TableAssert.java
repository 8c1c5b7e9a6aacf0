package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldHave.shouldHave;
import static dev.driftless.assertions.internal.error.ShouldHave.shouldHaveOn;
import static dev.driftless.assertions.internal.error.ShouldHaveProperty.shouldHaveProperty;
import static dev.driftless.assertions.internal.error.ShouldNotHave.shouldNotHave;
import static dev.driftless.assertions.internal.error.ShouldNotHave.shouldNotHaveOn;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.Names;
import dev.driftless.schema.Column;
import dev.driftless.schema.Constraint;
import dev.driftless.schema.ConstraintType;
import dev.driftless.schema.Index;
import dev.driftless.schema.Policy;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Table;
import dev.driftless.schema.Trigger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code TableAssert} is the assertion on one {@link Table}: its columns, keys, constraints, indexes, triggers, policies
 * and comment. Checks that find a part return that part's assertion, which continues with the table's checks:
 *
 * <pre>{@code
 * assertThat(schema).table("booking")
 *     .hasColumn("starts_at").ofType("timestamptz").isNotNull()
 *     .hasForeignKey("party_id").referencing("party", "party_id").onDelete(ReferentialAction.CASCADE)
 *     .hasIndexOn("resource_id", "starts_at");
 * }</pre>
 */
public class TableAssert extends AbstractCatalogAssert<TableAssert, Table> {

    private final SchemaSnapshot schema;

    // Use SchemaAssert.table(String); table and schema are null when a soft assertion reported the table missing.
    TableAssert(Table table, SchemaSnapshot schema, FailureSink sink) {
        super(table, TableAssert.class, sink);
        this.schema = schema;
    }

    @Override
    String label() {
        return "table " + actual.schema() + "." + actual.name();
    }

    FailureSink failures() {
        return sink();
    }

    // The snapshot the table belongs to, to resolve the names its parts refer to.
    SchemaSnapshot snapshot() {
        return schema;
    }

    /**
     * {@code hasColumn} checks that the table has a column and returns the assertion on it.
     *
     * <pre>{@code
     * table.hasColumn("starts_at");   // passes when the column exists
     * table.hasColumn("ends_at");     // fails: to have column "ends_at" but found columns "booking_id", ...
     * }</pre>
     *
     * @param name the column
     * @return the assertion on the column
     */
    public ColumnAssert hasColumn(String name) {
        return new ColumnAssert(this, assertHas("column", name, () -> actual.column(name),
                () -> actual.columns().stream().map(Column::name).toList()));
    }

    /**
     * {@code doesNotHaveColumn} checks that the table has no column of this name.
     *
     * <pre>{@code
     * table.doesNotHaveColumn("price_decimal");   // passes after the migration dropped it
     * }</pre>
     *
     * @param name the column
     * @return this assertion
     */
    public TableAssert doesNotHaveColumn(String name) {
        return assertDoesNotHave(() -> actual.column(name), c -> shouldNotHave(label(), "column", name, describe(c)));
    }

    /**
     * {@code columnsAre} checks that the table has exactly these columns, in this order.
     *
     * <pre>{@code
     * table.columnsAre("booking_id", "party_id", "starts_at");   // passes when these are the columns, in order
     * }</pre>
     *
     * @param names the columns in table order
     * @return this assertion
     */
    public TableAssert columnsAre(String... names) {
        if (!skipped()) {
            List<String> found = actual.columns().stream().map(Column::name).toList();
            if (!found.equals(List.of(names))) {
                failWith(shouldHaveProperty(label(), "to have exactly the columns, in order:",
                        Message.quoted(List.of(names)), Message.quoted(found)));
            }
        }
        return myself;
    }

    /**
     * {@code hasPrimaryKey} checks that the table's primary key is made of these columns, in this order.
     *
     * <pre>{@code
     * table.hasPrimaryKey("booking_id");   // passes for booking_id bigint PRIMARY KEY
     * table.hasPrimaryKey("id");           // fails: but found primary key booking_pkey (booking_id)
     * }</pre>
     *
     * @param columns the key columns
     * @return the assertion on the primary key constraint
     */
    public ConstraintAssert hasPrimaryKey(String... columns) {
        if (skipped()) {
            return new ConstraintAssert(this, null);
        }
        Optional<Constraint> pk = actual.primaryKey();
        if (pk.isEmpty() || !pk.get().columns().equals(List.of(columns))) {
            failWith(shouldHaveProperty(label(), "to have primary key:", Message.keys(List.of(columns)),
                    pk.map(TableAssert::describe).orElse("no primary key")));
        }
        return new ConstraintAssert(this, pk.filter(p -> p.columns().equals(List.of(columns))).orElse(null));
    }

    /**
     * {@code doesNotHavePrimaryKey} checks that the table has no primary key.
     *
     * <pre>{@code
     * table.doesNotHavePrimaryKey();   // passes for an append-only log without a key
     * }</pre>
     *
     * @return this assertion
     */
    public TableAssert doesNotHavePrimaryKey() {
        return assertDoesNotHave(() -> actual.primaryKey(),
                pk -> shouldNotHave(label(), "a primary key", describe(pk)));
    }

    /**
     * {@code hasForeignKey} checks that the table has a foreign key on these columns (in this order) and returns the
     * assertion on it.
     *
     * <pre>{@code
     * table.hasForeignKey("party_id").referencing("party", "party_id");   // passes
     * table.hasForeignKey("resource_id");   // fails: but found foreign keys: booking_party_id_fkey (party_id) ...
     * }</pre>
     *
     * @param columns the referencing columns
     * @return the assertion on the foreign key
     */
    public ForeignKeyAssert hasForeignKey(String... columns) {
        return new ForeignKeyAssert(this, constraintOn(ConstraintType.FOREIGN_KEY, columns));
    }

    /**
     * {@code doesNotHaveForeignKey} checks that no foreign key is on these columns.
     *
     * <pre>{@code
     * table.doesNotHaveForeignKey("legacy_id");   // passes when none is
     * }</pre>
     *
     * @param columns the columns
     * @return this assertion
     */
    public TableAssert doesNotHaveForeignKey(String... columns) {
        return noConstraintOn(ConstraintType.FOREIGN_KEY, columns);
    }

    /**
     * {@code hasUniqueConstraint} checks that the table has a unique constraint on these columns (in this order).
     *
     * <pre>{@code
     * table.hasUniqueConstraint("email");   // passes for email text UNIQUE
     * }</pre>
     *
     * @param columns the columns
     * @return the assertion on the constraint
     */
    public ConstraintAssert hasUniqueConstraint(String... columns) {
        return new ConstraintAssert(this, constraintOn(ConstraintType.UNIQUE, columns));
    }

    /**
     * {@code doesNotHaveUniqueConstraint} checks that no unique constraint is on these columns.
     *
     * <pre>{@code
     * table.doesNotHaveUniqueConstraint("display_name");   // passes when names may repeat
     * }</pre>
     *
     * @param columns the columns
     * @return this assertion
     */
    public TableAssert doesNotHaveUniqueConstraint(String... columns) {
        return noConstraintOn(ConstraintType.UNIQUE, columns);
    }

    /**
     * {@code hasCheckConstraint} checks that the table has a check constraint of this name.
     *
     * <pre>{@code
     * table.hasCheckConstraint("booking_period_check").hasDefinitionContaining("ends_at > starts_at");
     * }</pre>
     *
     * @param name the constraint's name
     * @return the assertion on the constraint
     */
    public ConstraintAssert hasCheckConstraint(String name) {
        return new ConstraintAssert(this, named(ConstraintType.CHECK, name));
    }

    /**
     * {@code doesNotHaveCheckConstraint} checks that no check constraint has this name.
     *
     * <pre>{@code
     * table.doesNotHaveCheckConstraint("old_check");   // passes when there is none
     * }</pre>
     *
     * @param name the constraint's name
     * @return this assertion
     */
    public TableAssert doesNotHaveCheckConstraint(String name) {
        return notNamed(ConstraintType.CHECK, name);
    }

    /**
     * {@code hasExclusionConstraint} checks that the table has an exclusion constraint of this name.
     *
     * <pre>{@code
     * table.hasExclusionConstraint("booking_no_overlap").hasDefinitionContaining("tstzrange(starts_at, ends_at) WITH &&");
     * }</pre>
     *
     * @param name the constraint's name
     * @return the assertion on the constraint
     */
    public ConstraintAssert hasExclusionConstraint(String name) {
        return new ConstraintAssert(this, named(ConstraintType.EXCLUSION, name));
    }

    /**
     * {@code doesNotHaveExclusionConstraint} checks that no exclusion constraint has this name.
     *
     * <pre>{@code
     * table.doesNotHaveExclusionConstraint("old_excl");   // passes when there is none
     * }</pre>
     *
     * @param name the constraint's name
     * @return this assertion
     */
    public TableAssert doesNotHaveExclusionConstraint(String name) {
        return notNamed(ConstraintType.EXCLUSION, name);
    }

    /**
     * {@code hasConstraint} checks that the table has a constraint of this name, of any type.
     *
     * <pre>{@code
     * table.hasConstraint("booking_pkey");   // passes
     * }</pre>
     *
     * @param name the constraint's name
     * @return the assertion on the constraint
     */
    public ConstraintAssert hasConstraint(String name) {
        return new ConstraintAssert(this, named(null, name));
    }

    /**
     * {@code doesNotHaveConstraint} checks that no constraint has this name.
     *
     * <pre>{@code
     * table.doesNotHaveConstraint("booking_old_fkey");   // passes when there is none
     * }</pre>
     *
     * @param name the constraint's name
     * @return this assertion
     */
    public TableAssert doesNotHaveConstraint(String name) {
        return notNamed(null, name);
    }

    /**
     * {@code hasIndexOn} checks that the table has an index whose keys are exactly these columns or expressions, in
     * this order (as PostgreSQL prints them, e.g. {@code lower(email)}, {@code starts_at DESC}).
     *
     * <pre>{@code
     * table.hasIndexOn("resource_id", "starts_at");   // passes for CREATE INDEX ... (resource_id, starts_at)
     * table.hasIndexOn("starts_at");                  // fails: but found indexes: booking_pkey (booking_id), ...
     * }</pre>
     *
     * @param keys the key columns or expressions
     * @return the assertion on the index
     */
    public IndexAssert hasIndexOn(String... keys) {
        return new IndexAssert(this, assertHas(() -> indexOn(keys),
                () -> shouldHaveOn(label(), "an index", List.of(keys), "indexes", indexLines())));
    }

    /**
     * {@code doesNotHaveIndexOn} checks that no index has exactly these keys.
     *
     * <pre>{@code
     * table.doesNotHaveIndexOn("status");   // passes when no index is on status alone
     * }</pre>
     *
     * @param keys the key columns or expressions
     * @return this assertion
     */
    public TableAssert doesNotHaveIndexOn(String... keys) {
        return assertDoesNotHave(() -> indexOn(keys),
                i -> shouldNotHaveOn(label(), "an index", List.of(keys), describe(i)));
    }

    /**
     * {@code hasIndexNamed} checks that the table has an index of this name.
     *
     * <pre>{@code
     * table.hasIndexNamed("booking_starts_at_idx").isNotUnique();   // passes
     * }</pre>
     *
     * @param name the index's name
     * @return the assertion on the index
     */
    public IndexAssert hasIndexNamed(String name) {
        return new IndexAssert(this, assertHas(() -> actual.index(name),
                () -> shouldHave(label(), "index", name, "indexes", indexLines())));
    }

    /**
     * {@code doesNotHaveIndexNamed} checks that no index of the table has this name.
     *
     * <pre>{@code
     * table.doesNotHaveIndexNamed("booking_tmp_idx");   // passes when there is none
     * }</pre>
     *
     * @param name the index's name
     * @return this assertion
     */
    public TableAssert doesNotHaveIndexNamed(String name) {
        return assertDoesNotHave(() -> actual.index(name), i -> shouldNotHave(label(), "index", name, describe(i)));
    }

    /**
     * {@code hasTrigger} checks that the table has a trigger of this name.
     *
     * <pre>{@code
     * table.hasTrigger("booking_touch");   // passes when CREATE TRIGGER booking_touch ... ON booking ran
     * }</pre>
     *
     * @param name the trigger's name
     * @return this assertion
     */
    public TableAssert hasTrigger(String name) {
        assertHas("trigger", name, () -> trigger(name), () -> actual.triggers().stream().map(Trigger::name).toList());
        return myself;
    }

    /**
     * {@code doesNotHaveTrigger} checks that the table has no trigger of this name.
     *
     * <pre>{@code
     * table.doesNotHaveTrigger("booking_audit");   // passes when there is none
     * }</pre>
     *
     * @param name the trigger's name
     * @return this assertion
     */
    public TableAssert doesNotHaveTrigger(String name) {
        return assertDoesNotHave("trigger", name, () -> trigger(name).map(Trigger::name));
    }

    /**
     * {@code hasPolicy} checks that the table has a row-level security policy of this name.
     *
     * <pre>{@code
     * table.hasPolicy("tenant_isolation");   // passes when the policy exists
     * }</pre>
     *
     * @param name the policy's name
     * @return this assertion
     */
    public TableAssert hasPolicy(String name) {
        assertHas("policy", name, () -> policy(name), () -> actual.policies().stream().map(Policy::name).toList());
        return myself;
    }

    /**
     * {@code doesNotHavePolicy} checks that the table has no policy of this name.
     *
     * <pre>{@code
     * table.doesNotHavePolicy("allow_all");   // passes when there is none
     * }</pre>
     *
     * @param name the policy's name
     * @return this assertion
     */
    public TableAssert doesNotHavePolicy(String name) {
        return assertDoesNotHave("policy", name, () -> policy(name).map(Policy::name));
    }

    /**
     * {@code hasRowLevelSecurityEnabled} checks {@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY}.
     *
     * <pre>{@code
     * table.hasRowLevelSecurityEnabled();   // fails: but found: row-level security disabled
     * }</pre>
     *
     * @return this assertion
     */
    public TableAssert hasRowLevelSecurityEnabled() {
        if (!skipped() && !actual.rowSecurity()) {
            failWith(shouldHaveProperty(label(), "to have row-level security enabled", "row-level security disabled"));
        }
        return myself;
    }

    /**
     * {@code hasComment} checks the table's comment.
     *
     * <pre>{@code
     * table.hasComment("A reservation of a resource");   // passes after COMMENT ON TABLE booking IS '...'
     * }</pre>
     *
     * @param comment the expected comment
     * @return this assertion
     */
    public TableAssert hasComment(String comment) {
        if (!skipped() && !Objects.equals(comment, actual.comment())) {
            failWith(shouldHaveProperty(label(), "to have comment:", Message.quote(comment),
                    actual.comment() == null ? "no comment" : Message.quote(actual.comment())));
        }
        return myself;
    }

    // ---- machinery ---------------------------------------------------------------------------------------------

    private Constraint constraintOn(ConstraintType type, String[] columns) {
        return assertHas(() -> constraintOn(type, List.of(columns)), () -> shouldHaveOn(label(), kind(type),
                List.of(columns), kind(type) + "s", Message.lines(actual.constraints().stream()
                        .filter(c -> c.type() == type).map(TableAssert::describe).toList())));
    }

    private TableAssert noConstraintOn(ConstraintType type, String[] columns) {
        return assertDoesNotHave(() -> constraintOn(type, List.of(columns)),
                c -> shouldNotHaveOn(label(), kind(type), List.of(columns), describe(c)));
    }

    private Optional<Constraint> constraintOn(ConstraintType type, List<String> columns) {
        return actual.constraints().stream().filter(c -> c.type() == type && c.columns().equals(columns)).findFirst();
    }

    // A constraint by name, of a type or (type null) of any.
    private Constraint named(ConstraintType type, String name) {
        return assertHas(() -> constraintNamed(type, name), () -> shouldHave(label(), kind(type), name, "constraints",
                Message.lines(actual.constraints().stream().map(TableAssert::describe).toList())));
    }

    private TableAssert notNamed(ConstraintType type, String name) {
        return assertDoesNotHave(() -> constraintNamed(type, name),
                c -> shouldNotHave(label(), kind(type), name, describe(c)));
    }

    private Optional<Constraint> constraintNamed(ConstraintType type, String name) {
        return actual.constraint(name).filter(c -> type == null || c.type() == type);
    }

    private Optional<Index> indexOn(String[] keys) {
        return actual.indexes().stream().filter(i -> normalized(i.keys()).equals(normalized(List.of(keys))))
                .findFirst();
    }

    private String indexLines() {
        return Message.lines(actual.indexes().stream().map(TableAssert::describe).toList());
    }

    private Optional<Trigger> trigger(String name) {
        return actual.triggers().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private Optional<Policy> policy(String name) {
        return actual.policies().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static List<String> normalized(List<String> keys) {
        return keys.stream().map(k -> Names.expression(k).replace(" ", "")).toList();
    }

    // "constraint" for any type (null).
    static String kind(ConstraintType type) {
        if (type == null) {
            return "constraint";
        }
        return switch (type) {
            case PRIMARY_KEY, FOREIGN_KEY -> type.label();
            default -> type.label() + " constraint";
        };
    }

    static String describe(Column c) {
        return c.name() + " " + c.type() + (c.notNull() ? " NOT NULL" : "")
                + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue());
    }

    static String describe(Constraint c) {
        return c.name() + ": " + c.definition();
    }

    static String describe(Index i) {
        return i.name() + " " + Message.keys(i.keys()) + (i.unique() ? " unique" : "")
                + (i.predicate() == null ? "" : " WHERE " + Names.expression(i.predicate()));
    }

}
