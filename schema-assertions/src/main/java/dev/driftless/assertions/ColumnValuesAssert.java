package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldAllMatch.shouldAllMatch;
import static dev.driftless.assertions.internal.error.ShouldContain.shouldContain;
import static dev.driftless.assertions.internal.error.ShouldContainExactly.shouldContainExactly;
import static dev.driftless.assertions.internal.error.ShouldHaveProperty.shouldHaveProperty;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.RowMatching;
import dev.driftless.assertions.internal.TableContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code ColumnValuesAssert} is the assertion on one column's values, in row order (primary key order when the table
 * has one). Expected values are read by the server as the column's type; {@link ValueMatcher}s and {@code $any},
 * {@code $notNull}, {@code $regex:...} match generated values.
 *
 * <pre>{@code
 * assertThat(table(ds, "rate_card_item")).column("price_cents").containsExactly(1050, 2000);
 * }</pre>
 */
public class ColumnValuesAssert extends AbstractDriftlessAssert<ColumnValuesAssert, List<String>> {

    private final TableDataAssert table;
    private final TableContent content;
    private final String column;

    // Use TableDataAssert.column(String); values are the column's, in row order.
    ColumnValuesAssert(TableDataAssert table, TableContent content, String column, List<String> values,
            FailureSink sink) {
        super(values, ColumnValuesAssert.class, sink);
        this.table = table;
        this.content = content;
        this.column = column;
    }

    /** @return the table's assertion, to continue with row checks */
    public TableDataAssert and() {
        return table;
    }

    private String label() {
        return "column " + content.name() + "." + column + " values:\n  " + show(actual);
    }

    /**
     * {@code containsExactly} checks the values one to one, in row order.
     *
     * <pre>{@code
     * column.containsExactly(1050);   // passes when the one row has 1050
     * column.containsExactly(1000);   // fails: to contain exactly 1000 but found 1050
     * }</pre>
     *
     * @param values the expected values
     * @return this assertion
     */
    public ColumnValuesAssert containsExactly(Object... values) {
        List<Predicate<String>> tests = tests(values);
        boolean same = tests.size() == actual.size();
        for (int i = 0; same && i < tests.size(); i++) {
            same = tests.get(i).test(actual.get(i));
        }
        if (!same && content.types().containsKey(column)) {
            failWith(shouldHaveProperty(label(), "to contain exactly, in order:", show(values), show(actual)));
        }
        return myself;
    }

    /**
     * {@code containsExactlyInAnyOrder} checks the values one to one, in any order.
     *
     * <pre>{@code
     * column.containsExactlyInAnyOrder("Bob", "Alice");   // passes for Alice, Bob
     * }</pre>
     *
     * @param values the expected values
     * @return this assertion
     */
    public ColumnValuesAssert containsExactlyInAnyOrder(Object... values) {
        List<Predicate<String>> tests = tests(values);
        List<String> left = new ArrayList<>(actual);
        List<Object> missing = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            int found = indexOf(left, tests.get(i));
            if (found < 0) {
                missing.add(values[i]);
            } else {
                left.remove(found);
            }
        }
        if ((!missing.isEmpty() || !left.isEmpty()) && content.types().containsKey(column)) {
            failWith(shouldContainExactly(label(), "to contain exactly, in any order:", show(values),
                    missing.isEmpty() ? null : show(missing.toArray()), left.isEmpty() ? null : show(left)));
        }
        return myself;
    }

    /**
     * {@code contains} checks that each value is among the column's values.
     *
     * <pre>{@code
     * column.contains("Alice");   // fails when no row has Alice: but could not find: Alice
     * }</pre>
     *
     * @param values the values
     * @return this assertion
     */
    public ColumnValuesAssert contains(Object... values) {
        List<Predicate<String>> tests = tests(values);
        List<Object> missing = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            if (indexOf(actual, tests.get(i)) < 0) {
                missing.add(values[i]);
            }
        }
        if (!missing.isEmpty() && content.types().containsKey(column)) {
            failWith(shouldContain(label(), show(values), show(missing.toArray())));
        }
        return myself;
    }

    /**
     * {@code allMatch} checks every value with a matcher, e.g. {@code allMatch(matching("[0-9a-f-]{36}"))}.
     *
     * <pre>{@code
     * column.allMatch(DriftlessAssertions.notNullValue());   // fails naming the rows with NULL
     * }</pre>
     *
     * @param matcher the matcher
     * @return this assertion
     */
    public ColumnValuesAssert allMatch(ValueMatcher matcher) {
        List<String> offenders = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            if (!matcher.matches(actual.get(i))) {
                offenders.add("row " + (i + 1) + ": " + actual.get(i));
            }
        }
        if (!offenders.isEmpty()) {
            failWith(shouldAllMatch(label(), "to all match:", matcher.describe(), "but these do not:", offenders));
        }
        return myself;
    }

    private List<Predicate<String>> tests(Object... values) {
        if (!content.types().containsKey(column)) {
            return List.of();
        }
        List<ExpectedRow> rows = Arrays.stream(values).map(v -> new ExpectedRow(single(v))).toList();
        return RowMatching.prepare(table.dataSource(), content, rows, java.util.Set.of()).stream()
                .map(p -> p.tests().get(column)).toList();
    }

    private Map<String, Object> single(Object value) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(column, value);
        return map;
    }

    private static int indexOf(List<String> values, Predicate<String> test) {
        for (int i = 0; i < values.size(); i++) {
            if (test.test(values.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String show(Object[] values) {
        return show(Arrays.stream(values).map(v -> v instanceof ValueMatcher m ? m.describe()
                : Objects.toString(v)).toList());
    }

    private static String show(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
