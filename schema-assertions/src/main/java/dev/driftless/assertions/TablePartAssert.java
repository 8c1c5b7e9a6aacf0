package dev.driftless.assertions;

/**
 * {@code TablePartAssert} is the base of the assertions on a part of a table (column, constraint, index): besides its
 * own checks it continues with the table's, so one chain can state several facts about a table.
 *
 * @param <SELF> the assertion's own type
 * @param <ACTUAL> the part's type
 */
public abstract class TablePartAssert<SELF extends TablePartAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractDriftlessAssert<SELF, ACTUAL> {

    private final TableAssert table;

    // The part is null when it is missing (already reported).
    TablePartAssert(TableAssert table, ACTUAL part, Class<?> selfType) {
        super(part, selfType, table.failures());
        this.table = table;
    }

    /** @return the table's assertion, e.g. to call a check that parts do not repeat */
    public TableAssert and() {
        return table;
    }

    // The label of the table, e.g. "table public.booking".
    String tableLabel() {
        return table.label();
    }

    /**
     * {@code hasColumn} continues with {@link TableAssert#hasColumn(String)}.
     *
     * <pre>{@code
     * table.hasColumn("a").isNotNull().hasColumn("b").isNullable();
     * }</pre>
     *
     * @param name the column
     * @return the assertion on the column
     */
    public ColumnAssert hasColumn(String name) {
        return table.hasColumn(name);
    }

    /**
     * {@code hasPrimaryKey} continues with {@link TableAssert#hasPrimaryKey(String...)}.
     *
     * <pre>{@code
     * table.hasColumn("id").isIdentity().hasPrimaryKey("id");
     * }</pre>
     *
     * @param columns the key columns
     * @return the assertion on the key
     */
    public ConstraintAssert hasPrimaryKey(String... columns) {
        return table.hasPrimaryKey(columns);
    }

    /**
     * {@code hasForeignKey} continues with {@link TableAssert#hasForeignKey(String...)}.
     *
     * <pre>{@code
     * table.hasColumn("party_id").isNotNull().hasForeignKey("party_id").referencing("party", "party_id");
     * }</pre>
     *
     * @param columns the referencing columns
     * @return the assertion on the foreign key
     */
    public ForeignKeyAssert hasForeignKey(String... columns) {
        return table.hasForeignKey(columns);
    }

    /**
     * {@code hasUniqueConstraint} continues with {@link TableAssert#hasUniqueConstraint(String...)}.
     *
     * <pre>{@code
     * table.hasColumn("email").isNotNull().hasUniqueConstraint("email");
     * }</pre>
     *
     * @param columns the columns
     * @return the assertion on the constraint
     */
    public ConstraintAssert hasUniqueConstraint(String... columns) {
        return table.hasUniqueConstraint(columns);
    }

    /**
     * {@code hasCheckConstraint} continues with {@link TableAssert#hasCheckConstraint(String)}.
     *
     * <pre>{@code
     * table.hasColumn("ends_at").isNotNull().hasCheckConstraint("booking_period_check");
     * }</pre>
     *
     * @param name the constraint's name
     * @return the assertion on the constraint
     */
    public ConstraintAssert hasCheckConstraint(String name) {
        return table.hasCheckConstraint(name);
    }

    /**
     * {@code hasIndexOn} continues with {@link TableAssert#hasIndexOn(String...)}.
     *
     * <pre>{@code
     * table.hasForeignKey("party_id").onDelete(ReferentialAction.CASCADE).hasIndexOn("party_id");
     * }</pre>
     *
     * @param keys the keys
     * @return the assertion on the index
     */
    public IndexAssert hasIndexOn(String... keys) {
        return table.hasIndexOn(keys);
    }

    /**
     * {@code hasIndexNamed} continues with {@link TableAssert#hasIndexNamed(String)}.
     *
     * <pre>{@code
     * table.hasColumn("starts_at").isNotNull().hasIndexNamed("booking_starts_at_idx");
     * }</pre>
     *
     * @param name the index's name
     * @return the assertion on the index
     */
    public IndexAssert hasIndexNamed(String name) {
        return table.hasIndexNamed(name);
    }
}
