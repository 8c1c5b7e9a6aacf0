package dev.driftless.seed;

import dev.driftless.seed.internal.CsvReader;
import dev.driftless.seed.internal.FixtureReaders;
import dev.driftless.seed.internal.FixtureRow;
import dev.driftless.seed.internal.FlatXmlReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code Fixture} is a list of rows read from fixture files (or built in Java), ready to be loaded by a {@link Seeder}.
 * Formats, chosen by file name:
 * <ul>
 *   <li>{@code .yml}, {@code .yaml}, {@code .json} — table → list of rows, rows as column → value maps; {@code _alias}
 *       names a row, {@code $ref:alias} refers to one. Database Rider's YAML and JSON datasets have this shape.</li>
 *   <li>{@code .xml} — a DbUnit flat XML dataset; {@code [null]} is SQL {@code NULL}.</li>
 *   <li>{@code .csv} — one table named after the file; a directory (or a class path folder with a
 *       {@code table-ordering.txt}) is a DbUnit CSV dataset, one {@code <table>.csv} per table.</li>
 * </ul>
 *
 * <p>Immutable. {@link #and(Fixture)} merges fixtures in order.
 */
public final class Fixture {

    private static final String TABLE_ORDERING = "table-ordering.txt";

    private final List<FixtureRow> rows;

    Fixture(List<FixtureRow> rows) {
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /**
     * Reads a fixture from a file path if one exists there, else from the class path.
     *
     * @param location a file path or a class path resource name, e.g. {@code fixtures/studio.yml}
     * @return the fixture, never {@code null}
     * @throws SeedException when neither exists or the content cannot be read
     */
    public static Fixture of(String location) {
        Path path = Path.of(location);
        if (Files.exists(path)) {
            return read(path);
        }
        return resource(location);
    }

    /**
     * Reads a fixture file, or a DbUnit CSV dataset directory.
     *
     * @param path the file or directory
     * @return the fixture, never {@code null}
     * @throws SeedException when it cannot be read
     */
    public static Fixture read(Path path) {
        String source = path.toString();
        try {
            if (Files.isDirectory(path)) {
                List<FixtureRow> rows = new ArrayList<>();
                for (String table : csvTables(path)) {
                    Path file = path.resolve(table + ".csv");
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        rows.addAll(CsvReader.read(file.toString(), table, reader));
                    }
                }
                return new Fixture(rows);
            }
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                return new Fixture(parse(source, reader));
            }
        } catch (IOException e) {
            throw new SeedException("Cannot read fixture " + source + ": " + e + ". Check that the file exists and is"
                    + " readable.", e);
        }
    }

    /**
     * Reads a fixture from the class path (a file, or a folder with a {@code table-ordering.txt} for a CSV dataset).
     *
     * @param name the resource name, e.g. {@code fixtures/studio.yml}
     * @return the fixture, never {@code null}
     * @throws SeedException when there is no such resource or it cannot be read
     */
    public static Fixture resource(String name) {
        String trimmed = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = classLoader();
        String folder = trimmed.endsWith("/") ? trimmed : trimmed + "/";
        URL ordering = loader.getResource(folder + TABLE_ORDERING);
        try {
            if (ordering != null) {
                List<FixtureRow> rows = new ArrayList<>();
                for (String table : lines(new String(readAll(loader, folder + TABLE_ORDERING), StandardCharsets.UTF_8))) {
                    String file = folder + table + ".csv";
                    rows.addAll(CsvReader.read(file, table, reader(readAll(loader, file))));
                }
                return new Fixture(rows);
            }
            return new Fixture(parse(trimmed, reader(readAll(loader, trimmed))));
        } catch (IOException e) {
            throw new SeedException("Cannot read fixture " + name + " from the class path: " + e, e);
        }
    }

    /**
     * Parses fixture text; the format follows the name's extension.
     *
     * @param name a file name for the format and for messages, e.g. {@code inline.yml}
     * @param content the content
     * @return the fixture, never {@code null}
     * @throws SeedException when the content cannot be read
     */
    public static Fixture parse(String name, String content) {
        return new Fixture(parse(name, new StringReader(content)));
    }

    /**
     * Returns a fixture with this fixture's rows followed by another's.
     *
     * @param other the rows to add after these
     * @return the merged fixture
     */
    public Fixture and(Fixture other) {
        List<FixtureRow> merged = new ArrayList<>(rows);
        merged.addAll(other.rows);
        return new Fixture(merged);
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }

    /** @return the table names, as written, in order of first appearance */
    public List<String> tables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.add(r.table()));
        return List.copyOf(names);
    }

    List<FixtureRow> rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "Fixture[" + rows.size() + " rows in " + tables() + "]";
    }

    private static List<FixtureRow> parse(String name, Reader reader) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return FixtureReaders.yaml(name, reader);
        }
        if (lower.endsWith(".json")) {
            return FixtureReaders.json(name, reader);
        }
        if (lower.endsWith(".xml")) {
            return FlatXmlReader.read(name, reader);
        }
        if (lower.endsWith(".csv")) {
            String file = Path.of(name).getFileName().toString();
            return CsvReader.read(name, file.substring(0, file.length() - 4), reader);
        }
        throw new SeedException("Cannot read fixture " + name + ": unknown format. Name the file .yml, .yaml, .json,"
                + " .xml (DbUnit flat XML) or .csv, or point at a DbUnit CSV dataset directory.");
    }

    private static List<String> csvTables(Path directory) throws IOException {
        Path ordering = directory.resolve(TABLE_ORDERING);
        if (Files.exists(ordering)) {
            return lines(Files.readString(ordering, StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted()
                    .map(n -> n.substring(0, n.length() - 4)).toList();
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Reader reader(byte[] bytes) {
        return new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new SeedException("Cannot find fixture " + name + ": it is neither a file (relative to "
                        + Path.of("").toAbsolutePath() + ") nor a class path resource.");
            }
            return in.readAllBytes();
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Fixture.class.getClassLoader();
    }
}
