package dev.driftless.assertions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.DriftlessException;
import dev.driftless.assertions.ExpectedRow;
import dev.driftless.assertions.ValueMatcher;
import dev.driftless.seed.NameResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code RowMatching} turns expected rows into per-column tests (values read through the server as the column's type,
 * placeholders into matchers) and pairs expected rows with actual ones: a maximum bipartite matching, so that the
 * rows reported missing and unexpected are the fewest possible.
 */
public final class RowMatching {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code ANY} matches every value, {@code NULL} included. */
    public static final ValueMatcher ANY = new Fixed("$any", t -> true);
    /** {@code NOT_NULL} matches every value but {@code NULL}. */
    public static final ValueMatcher NOT_NULL = new Fixed("$notNull", Objects::nonNull);

    private record Fixed(String describe, Predicate<String> test) implements ValueMatcher {
        @Override
        public boolean matches(String text) {
            return test.test(text);
        }
    }

    /**
     * {@code Prepared} is an expected row ready to compare.
     *
     * @param row the row as given, for messages
     * @param tests column → test of the actual text
     */
    public record Prepared(ExpectedRow row, Map<String, Predicate<String>> tests) {
        /**
         * @param actual an actual row
         * @return whether every given column matches
         */
        public boolean matches(Map<String, String> actual) {
            return tests.entrySet().stream().allMatch(e -> e.getValue().test(actual.get(e.getKey())));
        }
    }

    private RowMatching() {
    }

    /**
     * Prepares expected rows against a table.
     *
     * @param dataSource for reading values as the column types
     * @param table the table's content
     * @param rows the expected rows
     * @param ignored columns not compared
     * @return the prepared rows
     * @throws DriftlessException naming every column that does not exist
     */
    public static List<Prepared> prepare(DataSource dataSource, TableContent table, List<ExpectedRow> rows,
            Set<String> ignored) {
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, Set<String>> literals = new LinkedHashMap<>();
        Set<String> skipped = resolvedIgnored(table, ignored);
        Map<String, String> columnOf = new LinkedHashMap<>();
        for (ExpectedRow row : rows) {
            for (Map.Entry<String, Object> e : row.values().entrySet()) {
                String column = columnOf.computeIfAbsent(e.getKey(), table::column);
                if (column == null) {
                    columnOf.remove(e.getKey());
                    unknown.add(e.getKey());
                } else if (!skipped.contains(column) && literal(e.getValue()) != null) {
                    literals.computeIfAbsent(column, k -> new LinkedHashSet<>()).add(literal(e.getValue()));
                }
            }
        }
        if (!unknown.isEmpty()) {
            NameResolver<String> names = table.columnNames();
            throw new DriftlessException("Table " + table.name() + " has no column " + unknown.stream()
                    .map(n -> Message.quote(n) + names.didYouMean(n).replaceFirst("^; (.*)$", " ($1)"))
                    .collect(Collectors.joining(", ")) + "; its columns are "
                    + String.join(", ", table.types().keySet()) + ". Fix the expected rows.");
        }
        Map<String, Map<String, String>> canonical = new LinkedHashMap<>();
        literals.forEach((column, values) -> canonical.put(column,
                TableContent.canonical(dataSource, table.name() + "." + column, table.types().get(column), values)));
        List<Prepared> prepared = new ArrayList<>();
        for (ExpectedRow row : rows) {
            Map<String, Predicate<String>> tests = new LinkedHashMap<>();
            row.values().forEach((written, value) -> {
                String column = columnOf.get(written);
                if (!skipped.contains(column)) {
                    tests.put(column, test(value, canonical.getOrDefault(column, Map.of())));
                }
            });
            prepared.add(new Prepared(row, tests));
        }
        return prepared;
    }

    /**
     * Resolves the names given to {@code ignoringColumns} as the expected columns are resolved.
     *
     * @param table the table's content
     * @param ignored the names as written
     * @return the table's names for them (a name the table does not have is kept as written)
     */
    public static Set<String> resolvedIgnored(TableContent table, Set<String> ignored) {
        Set<String> resolved = new LinkedHashSet<>();
        for (String name : ignored) {
            String column = table.column(name);
            resolved.add(column == null ? name : column);
        }
        return resolved;
    }

    private static Predicate<String> test(Object value, Map<String, String> canonical) {
        ValueMatcher matcher = matcher(value);
        if (matcher != null) {
            return matcher::matches;
        }
        if (value == null) {
            return Objects::isNull;
        }
        String expected = canonical.get(literal(value));
        return expected::equals;
    }

    /**
     * Returns the matcher a value stands for, or {@code null} for a literal value.
     *
     * @param value the expected value
     * @return the matcher, or {@code null}
     */
    public static ValueMatcher matcher(Object value) {
        if (value instanceof ValueMatcher m) {
            return m;
        }
        if (value instanceof String text && text.startsWith("$") && !text.startsWith("$$")) {
            if (text.equals("$any")) {
                return ANY;
            }
            if (text.equals("$notNull")) {
                return NOT_NULL;
            }
            if (text.startsWith("$regex:")) {
                return ValueMatcher.regex(text.substring("$regex:".length()));
            }
        }
        return null;
    }

    private static String literal(Object value) {
        if (value == null || matcher(value) != null) {
            return null;
        }
        if (value instanceof String text) {
            return text.startsWith("$$") ? text.substring(1) : text;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new DriftlessException("Cannot write expected value " + value + " as JSON: " + e.getMessage(), e);
            }
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        }
        return String.valueOf(value);
    }

    /**
     * Pairs expected rows with actual rows, each actual row used once, as many pairs as possible.
     *
     * @param expected the prepared expected rows
     * @param actual the actual rows
     * @return for each expected row, the index of its actual row, or -1
     */
    public static int[] match(List<Prepared> expected, List<Map<String, String>> actual) {
        boolean[][] fits = new boolean[expected.size()][actual.size()];
        for (int e = 0; e < expected.size(); e++) {
            for (int a = 0; a < actual.size(); a++) {
                fits[e][a] = expected.get(e).matches(actual.get(a));
            }
        }
        int[] ownerOf = new int[actual.size()];
        Arrays.fill(ownerOf, -1);
        for (int e = 0; e < expected.size(); e++) {
            augment(e, fits, ownerOf, new boolean[actual.size()]);
        }
        int[] result = new int[expected.size()];
        Arrays.fill(result, -1);
        for (int a = 0; a < ownerOf.length; a++) {
            if (ownerOf[a] >= 0) {
                result[ownerOf[a]] = a;
            }
        }
        return result;
    }

    private static boolean augment(int e, boolean[][] fits, int[] ownerOf, boolean[] seen) {
        for (int a = 0; a < ownerOf.length; a++) {
            if (fits[e][a] && !seen[a]) {
                seen[a] = true;
                if (ownerOf[a] < 0 || augment(ownerOf[a], fits, ownerOf, seen)) {
                    ownerOf[a] = e;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Shows an actual row for messages, without ignored columns.
     *
     * @param row the row
     * @param ignored the ignored columns
     * @return e.g. {@code {party_id=1, display_name=Alice}}
     */
    public static String show(Map<String, String> row, Set<String> ignored) {
        return row.entrySet().stream().filter(e -> !ignored.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
