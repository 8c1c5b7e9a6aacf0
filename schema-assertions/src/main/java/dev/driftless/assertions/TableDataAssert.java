package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldContain.shouldContain;
import static dev.driftless.assertions.internal.error.ShouldContain.shouldNotContain;
import static dev.driftless.assertions.internal.error.ShouldContainExactly.shouldContainExactly;
import static dev.driftless.assertions.internal.error.ShouldContainExactly.shouldContainExactlyInOrder;
import static dev.driftless.assertions.internal.error.ShouldHave.shouldHave;
import static dev.driftless.assertions.internal.error.ShouldHaveRowCount.shouldHaveRowCount;
import static dev.driftless.assertions.internal.error.ShouldHaveRowCount.shouldNotBeEmpty;

import dev.driftless.assertions.internal.ExpectedFixtures;
import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.RowMatching;
import dev.driftless.assertions.internal.TableContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code TableDataAssert} is the assertion on the rows of a table: count, rows it contains (only the columns given are
 * compared; order-insensitive unless asked), expected-data files, and one column's values. Expected values are read
 * by the server as the column's type, so {@code "2025-01-19T10:00:00Z"} matches a {@code timestamptz} and
 * {@code true} a {@code boolean}; generated values are matched with {@code $any}, {@code $notNull},
 * {@code $regex:...} or {@link DriftlessAssertions#matching(String)}.
 *
 * <pre>{@code
 * assertThat(table(ds, "party")).hasRowCount(2)
 *     .containsExactlyRows(row("display_name", "Alice"), row("display_name", "Bob"));
 * }</pre>
 */
public class TableDataAssert extends AbstractDriftlessAssert<TableDataAssert, TableData> {

    private final TableContent content;
    private final Set<String> ignored = new TreeSet<>();

    // Reads the table; use DriftlessAssertions.assertThat(TableData).
    TableDataAssert(TableData table, FailureSink sink) {
        super(table, TableDataAssert.class, sink);
        this.content = TableContent.read(table.dataSource(), table.name());
    }

    javax.sql.DataSource dataSource() {
        return actual.dataSource();
    }

    private String label() {
        int n = content.rows().size();
        return "table " + content.name() + " (" + n + (n == 1 ? " row)" : " rows)");
    }

    /**
     * {@code ignoringColumns} leaves columns out of the row comparisons that follow (and out of the rows shown).
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).ignoringColumns("created_at").matchesFixture("expected/party.yml");
     * }</pre>
     *
     * @param columns the columns
     * @return this assertion
     */
    public TableDataAssert ignoringColumns(String... columns) {
        ignored.addAll(RowMatching.resolvedIgnored(content, new java.util.LinkedHashSet<>(Arrays.asList(columns))));
        return myself;
    }

    /**
     * {@code hasRowCount} checks the number of rows.
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).hasRowCount(2);   // fails for 3 rows: to have 2 rows but found 3: ...
     * }</pre>
     *
     * @param rows the expected number
     * @return this assertion
     */
    public TableDataAssert hasRowCount(int rows) {
        if (content.rows().size() != rows) {
            failWith(shouldHaveRowCount(label(), rows, shown(content.rows())));
        }
        return myself;
    }

    /**
     * {@code isEmpty} checks that the table has no rows.
     *
     * <pre>{@code
     * assertThat(table(ds, "outbox")).isEmpty();   // fails listing the rows found
     * }</pre>
     *
     * @return this assertion
     */
    public TableDataAssert isEmpty() {
        return hasRowCount(0);
    }

    /**
     * {@code isNotEmpty} checks that the table has rows.
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).isNotEmpty();   // fails for an empty table
     * }</pre>
     *
     * @return this assertion
     */
    public TableDataAssert isNotEmpty() {
        if (content.rows().isEmpty()) {
            failWith(shouldNotBeEmpty(label()));
        }
        return myself;
    }

    /**
     * {@code containsRows} checks that each expected row matches a row of the table (others may exist).
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).containsRows(row("display_name", "Alice"));   // passes when Alice is there
     * // fails: but could not find: {display_name=Carol}
     * }</pre>
     *
     * @param rows the expected rows; only their columns are compared
     * @return this assertion
     */
    public TableDataAssert containsRows(ExpectedRow... rows) {
        List<RowMatching.Prepared> expected = prepare(List.of(rows));
        List<String> missing = expected.stream().filter(e -> content.rows().stream().noneMatch(e::matches))
                .map(e -> e.row().toString()).toList();
        if (!missing.isEmpty()) {
            failWith(shouldContain(label(), lines(List.of(rows)), String.join("\n", missing),
                    Message.lines(shown(content.rows()))));
        }
        return myself;
    }

    /**
     * {@code doesNotContainRows} checks that no row of the table matches any of the rows given.
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).doesNotContainRows(row("status", "Deleted"));   // fails naming the row found
     * }</pre>
     *
     * @param rows the rows that must not be there
     * @return this assertion
     */
    public TableDataAssert doesNotContainRows(ExpectedRow... rows) {
        List<RowMatching.Prepared> unwanted = prepare(List.of(rows));
        List<String> found = content.rows().stream().filter(a -> unwanted.stream().anyMatch(u -> u.matches(a)))
                .map(a -> RowMatching.show(a, ignored)).toList();
        if (!found.isEmpty()) {
            failWith(shouldNotContain(label(), lines(List.of(rows)), String.join("\n", found)));
        }
        return myself;
    }

    /**
     * {@code containsExactlyRows} checks that the table's rows and the expected rows pair up one to one, in any order.
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).containsExactlyRows(row("display_name", "Alice"), row("display_name", "Bob"));
     * // fails: but could not find: {display_name=Bob} and found unexpected: {party_id=3, display_name=Carol}
     * }</pre>
     *
     * @param rows the expected rows; only their columns are compared
     * @return this assertion
     */
    public TableDataAssert containsExactlyRows(ExpectedRow... rows) {
        return exactly(List.of(rows), "to contain exactly, in any order:");
    }

    /**
     * {@code containsExactlyRowsInOrder} checks the rows one to one in order: primary key order when the table has a
     * primary key, else the order PostgreSQL returns them.
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).containsExactlyRowsInOrder(row("party_id", 1), row("party_id", 2));
     * // fails: but row 1 was: {party_id=2, ...}
     * }</pre>
     *
     * @param rows the expected rows in order
     * @return this assertion
     */
    public TableDataAssert containsExactlyRowsInOrder(ExpectedRow... rows) {
        List<RowMatching.Prepared> expected = prepare(List.of(rows));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), content.rows().size()); i++) {
            if (i >= expected.size()) {
                problems.add("row " + (i + 1) + " was not expected: " + RowMatching.show(content.rows().get(i),
                        ignored));
            } else if (i >= content.rows().size()) {
                problems.add("row " + (i + 1) + " is missing: " + expected.get(i).row());
            } else if (!expected.get(i).matches(content.rows().get(i))) {
                problems.add("row " + (i + 1) + " was " + RowMatching.show(content.rows().get(i), ignored)
                        + ", expected " + expected.get(i).row());
            }
        }
        if (!problems.isEmpty()) {
            failWith(shouldContainExactlyInOrder(label(), lines(List.of(rows)), problems));
        }
        return myself;
    }

    /**
     * {@code matchesFixture} checks that the table contains exactly the rows an expected-data file gives for it (in
     * any order, so Database Rider's {@code orderBy} is not needed): YAML or JSON (table → rows), DbUnit flat XML, CSV,
     * or a CSV dataset folder, read as {@code dev.driftless.seed.Fixture} reads fixtures. The file's table and column
     * names are resolved as the seeder resolves them ({@code USER} is the table {@code user}); an empty entry
     * ({@code user:}) expects no rows, and a file that names the table nowhere fails. Values are compared as in
     * {@link #containsRows(ExpectedRow...)}; {@code $any}, {@code $notNull}, {@code $regex:} and Database Rider's
     * {@code regex:} match, {@code [null]} is {@code NULL}, {@code [DAY,NOW]} and the other replacements are evaluated
     * in UTC, and a {@code $ref:} or a script ({@code groovy:}, {@code js:}) is refused.
     * {@link #ignoringColumns(String...)} is Rider's {@code ignoreCols}; {@link #containsRowsOf(String)} its
     * {@code CONTAINS}.
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).ignoringColumns("created_at").matchesFixture("expected/after_import.yml");
     * }</pre>
     *
     * @param location the expected data: a file or a CSV dataset folder, looked up as every core {@code Location} is
     * @return this assertion
     */
    public TableDataAssert matchesFixture(String location) {
        List<ExpectedRow> rows = ExpectedFixtures.read(location, actual.dataSource(), content.name());
        return exactly(rows, "to contain exactly the rows of " + location + ", in any order:");
    }

    /**
     * {@code containsRowsOf} checks that each row an expected-data file gives for the table matches its own row of the
     * table, other rows allowed — Database Rider's {@code compareOperation = CONTAINS}. The file is read as
     * {@link #matchesFixture(String)} reads it.
     *
     * <pre>{@code
     * assertThat(table(ds, "party")).containsRowsOf("expected/alice.yml");   // passes when Alice is among the rows
     * // fails: but could not find: {display_name=Carol}
     * }</pre>
     *
     * @param location the expected data: a file or a CSV dataset folder, looked up as every core {@code Location} is
     * @return this assertion
     */
    public TableDataAssert containsRowsOf(String location) {
        List<ExpectedRow> rows = ExpectedFixtures.read(location, actual.dataSource(), content.name());
        List<RowMatching.Prepared> expected = prepare(rows);
        int[] pairs = RowMatching.match(expected, content.rows());
        List<String> missing = new ArrayList<>();
        for (int e = 0; e < pairs.length; e++) {
            if (pairs[e] < 0) {
                missing.add(expected.get(e).row().toString());
            }
        }
        if (!missing.isEmpty()) {
            failWith(shouldContain(label(), lines(rows), String.join("\n", missing),
                    Message.lines(shown(content.rows()))));
        }
        return myself;
    }

    /**
     * {@code column} starts an assertion on one column's values, in row order.
     *
     * <pre>{@code
     * assertThat(table(ds, "rate_card_item")).column("price_cents").containsExactly(1050);
     * }</pre>
     *
     * @param written the column, resolved as the seeder resolves fixture columns ({@code PRICE_CENTS} finds
     *     {@code price_cents})
     * @return the assertion on its values
     */
    public ColumnValuesAssert column(String written) {
        String resolved = content.column(written);
        String name = resolved == null ? written : resolved;
        if (!content.types().containsKey(name)) {
            failWith(shouldHave(label(), "column", name, content.types().keySet()));
            return new ColumnValuesAssert(this, content, name, List.of(), sink());
        }
        return new ColumnValuesAssert(this, content, name, content.rows().stream().map(r -> r.get(name)).toList(),
                sink());
    }

    private TableDataAssert exactly(List<ExpectedRow> rows, String expectation) {
        List<RowMatching.Prepared> expected = prepare(rows);
        int[] pairs = RowMatching.match(expected, content.rows());
        boolean[] used = new boolean[content.rows().size()];
        List<String> missing = new ArrayList<>();
        for (int e = 0; e < pairs.length; e++) {
            if (pairs[e] < 0) {
                missing.add(expected.get(e).row().toString());
            } else {
                used[pairs[e]] = true;
            }
        }
        List<String> extra = new ArrayList<>();
        for (int a = 0; a < used.length; a++) {
            if (!used[a]) {
                extra.add(RowMatching.show(content.rows().get(a), ignored));
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            failWith(shouldContainExactly(label(), expectation, lines(rows),
                    missing.isEmpty() ? null : String.join("\n", missing),
                    extra.isEmpty() ? null : String.join("\n", extra)));
        }
        return myself;
    }

    private List<RowMatching.Prepared> prepare(List<ExpectedRow> rows) {
        return RowMatching.prepare(actual.dataSource(), content, rows, ignored);
    }

    private List<String> shown(List<Map<String, String>> rows) {
        return rows.stream().map(r -> RowMatching.show(r, ignored)).toList();
    }

    private static String lines(List<ExpectedRow> rows) {
        return Message.lines(rows.stream().map(ExpectedRow::toString).toList());
    }
}
