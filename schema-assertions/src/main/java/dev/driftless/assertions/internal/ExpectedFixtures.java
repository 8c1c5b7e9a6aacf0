package dev.driftless.assertions.internal;

import dev.driftless.DriftlessException;
import dev.driftless.assertions.ExpectedRow;
import dev.driftless.assertions.ValueMatcher;
import dev.driftless.resource.Location;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.NameResolver;
import dev.driftless.seed.Replacements;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code ExpectedFixtures} reads the rows of one table from an expected-data file as {@link Fixture} reads fixtures:
 * YAML or JSON (table → rows), DbUnit flat XML, a CSV file named after the table, or a CSV dataset folder. Table names
 * in the file are resolved as the seeder resolves them ({@code USER} is the table {@code user}); Database Rider's
 * values mean what they mean there: {@code regex:<pattern>} matches the whole value, {@code [null]} is SQL
 * {@code NULL}, {@code [DAY,NOW]} and the other replacements are evaluated (in UTC, as tables are read), and scripts
 * ({@code groovy:}, {@code js:}) are refused.
 */
public final class ExpectedFixtures {

    private static final String REF = "$ref:";
    private static final String REGEX = "regex:";

    private ExpectedFixtures() {
    }

    /**
     * Reads the expected rows of a table.
     *
     * @param location where the expected data is, looked up as every {@link Location} is: a file, a CSV dataset
     *     folder, on disk or on the class path
     * @param dataSource the database, to resolve the file's table names
     * @param table the table's schema-qualified name, as {@link TableContent#name()} gives it
     * @return the rows of that table, in file order; empty when the file names the table without rows
     * @throws DriftlessException when the file names the table nowhere, or a value cannot be compared
     */
    public static List<ExpectedRow> read(String location, DataSource dataSource, String table) {
        Fixture fixture = Fixture.of(Location.of(location));
        NameResolver<String> tables = TableContent.tableNames(dataSource);
        Map<String, Boolean> ours = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>(fixture.tables());
        named.addAll(fixture.emptyTables());
        for (String written : named) {
            ours.put(written, table.equals(tables.find(written).orElse(null)));
        }
        if (!ours.containsValue(Boolean.TRUE)) {
            throw new DriftlessException("Expected data " + location + " has no rows for table " + table
                    + (named.isEmpty() ? ", nor for any table" : "; it names " + String.join(", ", named))
                    + ". Add the table's rows to it, or an empty entry (\"" + bare(table) + ":\" in YAML) to expect"
                    + " no rows.");
        }
        Replacements replacements = Replacements.at(Instant.now(), ZoneOffset.UTC);
        List<ExpectedRow> expected = new ArrayList<>();
        for (Fixture.Row row : fixture.rows()) {
            if (!ours.getOrDefault(row.table(), false)) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            row.values().forEach((column, value) -> values.put(column, expected(row, column, value, replacements)));
            expected.add(new ExpectedRow(values));
        }
        return expected;
    }

    private static Object expected(Fixture.Row row, String column, Object value, Replacements replacements) {
        if (!(value instanceof String text)) {
            return value;
        }
        if (text.startsWith(REF)) {
            throw new DriftlessException("Expected data " + row.describe() + ", column " + column
                    + ": a $ref cannot be compared (references resolve when loading only). Write the value,"
                    + " or $any / $notNull / $regex:<pattern>.");
        }
        if (text.startsWith(REGEX)) {
            return regex(text.substring(REGEX.length()).trim());
        }
        try {
            return replacements.apply(text);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException("Expected data " + row.describe() + ", column " + column + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /** Database Rider's {@code regex:}: the whole value matches, shown as written. */
    private static ValueMatcher regex(String pattern) {
        ValueMatcher matcher = ValueMatcher.regex(pattern);
        return new ValueMatcher() {
            @Override
            public boolean matches(String text) {
                return matcher.matches(text);
            }

            @Override
            public String describe() {
                return REGEX + pattern;
            }

        };
    }

    private static String bare(String qualified) {
        return qualified.startsWith("public.") ? qualified.substring("public.".length()) : qualified;
    }
}
