package dev.driftless.assertions.internal;

import dev.driftless.DriftlessException;
import dev.driftless.assertions.ExpectedRow;
import dev.driftless.resource.Location;
import dev.driftless.seed.Fixture;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ExpectedFixtures} reads the rows of one table from an expected-data file as {@link Fixture} reads fixtures:
 * YAML or JSON (table → rows), DbUnit flat XML, or a CSV file named after the table.
 */
public final class ExpectedFixtures {

    private static final String REF = "$ref:";

    private ExpectedFixtures() {
    }

    /**
     * Reads the expected rows of a table.
     *
     * @param location where the expected data is, looked up as every {@link Location} is: a file, a CSV dataset
     *     folder, on disk or on the class path
     * @param table the table as the file names it ({@code party} or {@code billing.invoice})
     * @return the rows of that table, in file order (possibly none)
     */
    public static List<ExpectedRow> read(String location, String table) {
        List<ExpectedRow> expected = new ArrayList<>();
        for (Fixture.Row row : Fixture.of(Location.of(location)).rows()) {
            if (!sameTable(row.table(), table)) {
                continue;
            }
            row.values().forEach((column, value) -> {
                if (value instanceof String text && text.startsWith(REF)) {
                    throw new DriftlessException("Expected data " + row.describe() + ", column " + column
                            + ": a $ref cannot be compared (references resolve when loading only). Write the value,"
                            + " or $any / $notNull / $regex:<pattern>.");
                }
            });
            expected.add(new ExpectedRow(row.values()));
        }
        return expected;
    }

    private static boolean sameTable(String written, String table) {
        return written.equals(table) || Names.qualified(written).equals(Names.qualified(table));
    }
}
