package dev.driftless.seed;

import dev.driftless.seed.internal.FixtureRow;
import dev.driftless.seed.internal.Origin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code TableRows} is the Java DSL's builder: rows for one table at a time, any table order, then {@link #load()}.
 *
 * <pre>{@code
 * seed.into("booking").row(r -> r.set("party_id", ref("alice")).set("status", "Confirmed"))
 *     .into("party").row("alice", r -> r.set("display_name", "Alice"))
 *     .load();
 * }</pre>
 *
 * <p>Nothing is written until {@link #load()}. Not thread-safe; build on one thread.
 */
public final class TableRows {

    private final Seeder seeder;
    private final List<FixtureRow> rows;
    private final Map<String, Integer> indexes;
    private final String table;
    private final Origin origin;

    TableRows(Seeder seeder, String table) {
        this(seeder, new ArrayList<>(), new HashMap<>(), table);
    }

    private TableRows(Seeder seeder, List<FixtureRow> rows, Map<String, Integer> indexes, String table) {
        this.seeder = seeder;
        this.rows = rows;
        this.indexes = indexes;
        this.table = requireTable(table);
        this.origin = new Origin(callSite(), 0);
    }

    /**
     * Adds a row without an alias.
     *
     * @param values sets the row's columns
     * @return this
     */
    public TableRows row(Consumer<RowValues> values) {
        return add(null, values);
    }

    /**
     * Adds a row with an alias, by which other rows refer to it ({@link Seeder#ref(String)}).
     *
     * @param alias the alias, unique within the seeder
     * @param values sets the row's columns
     * @return this
     */
    public TableRows row(String alias, Consumer<RowValues> values) {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("An alias must not be blank; use row(values) for a row without one");
        }
        return add(alias, values);
    }

    /**
     * Continues with rows for another table.
     *
     * @param otherTable the table name, bare or {@code schema.table}
     * @return a builder for that table that shares these rows
     */
    public TableRows into(String otherTable) {
        return new TableRows(seeder, rows, indexes, otherTable);
    }

    /**
     * Inserts every row given so far, in one transaction; see {@link Seeder#load(Fixture...)}.
     *
     * @return the seeder, for {@link Seeder#row(String)}
     * @throws SeedException naming the row and column when a row cannot be inserted; then nothing was inserted
     */
    public Seeder load() {
        return seeder.load(toFixture());
    }

    /** @return the rows given so far as a fixture, e.g. to load it in several databases */
    public Fixture toFixture() {
        return new Fixture(rows);
    }

    private TableRows add(String alias, Consumer<RowValues> values) {
        RowValues row = new RowValues();
        Objects.requireNonNull(values, "values").accept(row);
        int index = indexes.merge(table, 1, Integer::sum);
        rows.add(new FixtureRow(table, alias, row.values(), origin, index));
        return this;
    }

    private static String requireTable(String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("A table name must not be blank");
        }
        return table;
    }

    private static String callSite() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(TableRows.class.getName())
                        && !f.getClassName().equals(Seeder.class.getName()))
                .findFirst()
                .map(f -> f.getFileName() + ":" + f.getLineNumber())
                .orElse("Java code"));
    }
}
