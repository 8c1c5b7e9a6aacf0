package dev.driftless.assertions;

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
public class TableAssert extends AbstractDriftlessAssert<TableAssert, Table> {

    private final SchemaSnapshot schema;

    /**
     * Creates the assertion; use {@link SchemaAssert#table(String)}.
     *
     * @param table the table, or {@code null} when a soft assertion reported it missing
     * @param schema the snapshot it belongs to, or {@code null}
     * @param sink where failures go
     */
    public TableAssert(Table table, SchemaSnapshot schema, FailureSink sink) {
        super(table, TableAssert.class, sink);
        this.schema = schema;
    }

    String label() {
        return "table " + actual.schema() + "." + actual.name();
    }

    FailureSink failures() {
        return sink();
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
        Optional<Column> column = skipped() ? Optional.empty() : actual.column(name);
        if (!skipped() && column.isEmpty()) {
            fail(Message.expecting(label()).then("to have column:", Message.quote(name))
                    .then("but found columns:", Message.quoted(actual.columns().stream().map(Column::name).toList()))
                    .text());
        }
        return new ColumnAssert(this, column.orElse(null));
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
        if (!skipped() && actual.column(name).isPresent()) {
            fail(Message.expecting(label()).then("not to have column:", Message.quote(name))
                    .then("but it has:", describe(actual.column(name).get())).text());
        }
        return myself;
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
                fail(Message.expecting(label()).then("to have exactly the columns, in order:",
                        Message.quoted(List.of(names))).then("but found:", Message.quoted(found)).text());
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
            fail(Message.expecting(label()).then("to have primary key:", "(" + String.join(", ", columns) + ")")
                    .then("but found:", pk.map(TableAssert::describe).orElse("no primary key")).text());
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
        if (!skipped() && actual.primaryKey().isPresent()) {
            fail(Message.expecting(label()).then("not to have a primary key", null)
                    .then("but it has:", describe(actual.primaryKey().get())).text());
        }
        return myself;
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
        return new ForeignKeyAssert(this, constraint(ConstraintType.FOREIGN_KEY, columns, true));
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
        return noConstraint(ConstraintType.FOREIGN_KEY, columns);
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
        return new ConstraintAssert(this, constraint(ConstraintType.UNIQUE, columns, true));
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
        return noConstraint(ConstraintType.UNIQUE, columns);
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
        return new IndexAssert(this, index("to have an index on:", "(" + String.join(", ", keys) + ")",
                i -> normalized(i.keys()).equals(normalized(List.of(keys)))));
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
        return noIndex("not to have an index on:", "(" + String.join(", ", keys) + ")",
                i -> normalized(i.keys()).equals(normalized(List.of(keys))));
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
        return new IndexAssert(this, index("to have index:", Message.quote(name), i -> i.name().equals(name)));
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
        return noIndex("not to have index:", Message.quote(name), i -> i.name().equals(name));
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
        return hasPart("trigger", name, actual == null ? null : actual.triggers().stream().map(Trigger::name).toList());
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
        return hasNoPart("trigger", name,
                actual == null ? null : actual.triggers().stream().map(Trigger::name).toList());
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
        return hasPart("policy", name, actual == null ? null : actual.policies().stream().map(Policy::name).toList());
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
        return hasNoPart("policy", name, actual == null ? null : actual.policies().stream().map(Policy::name).toList());
    }

    /**
     * {@code hasRowLevelSecurityEnabled} checks {@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY}.
     *
     * <pre>{@code
     * table.hasRowLevelSecurityEnabled();   // fails: but row-level security is disabled
     * }</pre>
     *
     * @return this assertion
     */
    public TableAssert hasRowLevelSecurityEnabled() {
        if (!skipped() && !actual.rowSecurity()) {
            fail(Message.expecting(label()).then("to have row-level security enabled", null)
                    .then("but it is disabled", null).text());
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
            fail(Message.expecting(label()).then("to have comment:", Message.quote(comment))
                    .then("but found:", actual.comment() == null ? "no comment" : Message.quote(actual.comment()))
                    .text());
        }
        return myself;
    }

    // ---- machinery ---------------------------------------------------------------------------------------------

    private Constraint constraint(ConstraintType type, String[] columns, boolean report) {
        if (skipped()) {
            return null;
        }
        Optional<Constraint> found = actual.constraints().stream()
                .filter(c -> c.type() == type && c.columns().equals(List.of(columns))).findFirst();
        if (found.isEmpty() && report) {
            List<String> existing = actual.constraints().stream().filter(c -> c.type() == type)
                    .map(TableAssert::describe).toList();
            fail(Message.expecting(label()).then("to have " + kind(type) + " on:",
                    "(" + String.join(", ", columns) + ")")
                    .then("but found " + kind(type) + "s:", Message.lines(existing)).text());
        }
        return found.orElse(null);
    }

    private TableAssert noConstraint(ConstraintType type, String[] columns) {
        if (!skipped()) {
            actual.constraints().stream().filter(c -> c.type() == type && c.columns().equals(List.of(columns)))
                    .findFirst().ifPresent(c -> fail(Message.expecting(label())
                            .then("not to have " + kind(type) + " on:", "(" + String.join(", ", columns) + ")")
                            .then("but it has:", describe(c)).text()));
        }
        return myself;
    }

    private Constraint named(ConstraintType type, String name) {
        if (skipped()) {
            return null;
        }
        String kind = type == null ? "constraint" : kind(type);
        Optional<Constraint> found = actual.constraint(name).filter(c -> type == null || c.type() == type);
        if (found.isEmpty()) {
            fail(Message.expecting(label()).then("to have " + kind + ":", Message.quote(name))
                    .then("but found constraints:", Message.lines(actual.constraints().stream()
                            .map(TableAssert::describe).toList())).text());
        }
        return found.orElse(null);
    }

    private TableAssert notNamed(ConstraintType type, String name) {
        if (!skipped()) {
            String kind = type == null ? "constraint" : kind(type);
            actual.constraint(name).filter(c -> type == null || c.type() == type).ifPresent(c -> fail(Message
                    .expecting(label()).then("not to have " + kind + ":", Message.quote(name))
                    .then("but it has:", describe(c)).text()));
        }
        return myself;
    }

    private Index index(String expectation, String value, java.util.function.Predicate<Index> test) {
        if (skipped()) {
            return null;
        }
        Optional<Index> found = actual.indexes().stream().filter(test).findFirst();
        if (found.isEmpty()) {
            fail(Message.expecting(label()).then(expectation, value).then("but found indexes:",
                    Message.lines(actual.indexes().stream().map(TableAssert::describe).toList())).text());
        }
        return found.orElse(null);
    }

    private TableAssert noIndex(String expectation, String value, java.util.function.Predicate<Index> test) {
        if (!skipped()) {
            actual.indexes().stream().filter(test).findFirst().ifPresent(i -> fail(Message.expecting(label())
                    .then(expectation, value).then("but it has:", describe(i)).text()));
        }
        return myself;
    }

    private TableAssert hasPart(String kind, String name, List<String> existing) {
        if (!skipped() && !existing.contains(name)) {
            fail(Message.expecting(label()).then("to have " + kind + ":", Message.quote(name))
                    .then("but found " + (kind.equals("policy") ? "policies" : kind + "s") + ":",
                            Message.quoted(existing)).text());
        }
        return myself;
    }

    private TableAssert hasNoPart(String kind, String name, List<String> existing) {
        if (!skipped() && existing.contains(name)) {
            fail(Message.expecting(label()).then("not to have " + kind + ":", Message.quote(name))
                    .then("but found:", kind + " " + name).text());
        }
        return myself;
    }

    private static List<String> normalized(List<String> keys) {
        return keys.stream().map(k -> Names.expression(k).replace(" ", "")).toList();
    }

    static String kind(ConstraintType type) {
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
        return i.name() + " (" + String.join(", ", i.keys()) + ")" + (i.unique() ? " unique" : "")
                + (i.predicate() == null ? "" : " WHERE " + Names.expression(i.predicate()));
    }

}
