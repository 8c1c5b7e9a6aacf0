package dev.driftless.assertions.internal;

import dev.driftless.DriftlessException;
import dev.driftless.assertions.ExpectedRow;
import dev.driftless.seed.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
     * @param location a file path, else a class path resource
     * @param table the table as the file names it ({@code party} or {@code billing.invoice})
     * @return the rows of that table, in file order (possibly none)
     */
    public static List<ExpectedRow> read(String location, String table) {
        String content = content(location);
        String lower = location.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json") || lower.endsWith(".xml")
                || lower.endsWith(".csv"))) {
            throw new DriftlessException("Cannot read expected data " + location + ": unknown format. Name the file"
                    + " .yml, .yaml, .json, .xml (DbUnit flat XML) or .csv.");
        }
        List<ExpectedRow> expected = new ArrayList<>();
        for (Fixture.Row row : Fixture.parse(location, content).rows()) {
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

    private static String content(String location) {
        try {
            Path path = Path.of(location);
            if (Files.exists(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            String name = location.startsWith("/") ? location.substring(1) : location;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = (loader != null ? loader : ExpectedFixtures.class.getClassLoader())
                    .getResourceAsStream(name)) {
                if (in == null) {
                    throw new DriftlessException("Cannot find expected data " + location + ": it is neither a file"
                            + " (relative to " + Path.of("").toAbsolutePath() + ") nor a class path resource.");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DriftlessException("Cannot read expected data " + location + ": " + e, e);
        }
    }
}
