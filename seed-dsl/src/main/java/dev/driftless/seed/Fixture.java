package dev.driftless.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;
import dev.driftless.resource.ResourceException;
import dev.driftless.seed.internal.CsvReader;
import dev.driftless.seed.internal.FixtureReaders;
import dev.driftless.seed.internal.FixtureRow;
import dev.driftless.seed.internal.FlatXmlReader;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * <p>{@link #rows()} shows the rows as written, before anything is resolved against a database, for tools that read
 * fixture files for other purposes (the expected data of {@code TableDataAssert.matchesFixture}, for instance):
 * <pre>{@code
 * for (Fixture.Row row : Fixture.of("fixtures/studio.yml").rows("booking")) {
 *     Object party = row.values().get("party_id");      // "$ref:alice", as written
 *     String where = row.describe();                    // "fixtures/studio.yml:6, table booking, row 1"
 * }
 * }</pre>
 *
 * <p>Immutable. {@link #and(Fixture)} merges fixtures in order.
 */
public final class Fixture {

    private static final String TABLE_ORDERING = "table-ordering.txt";

    private final List<FixtureRow> rows;
    private final List<FixtureRow> emptyTables;

    Fixture(List<FixtureRow> parsed) {
        List<FixtureRow> real = new ArrayList<>(parsed.size());
        List<FixtureRow> empty = new ArrayList<>();
        for (FixtureRow row : parsed) {
            (row.isEmptyTable() ? empty : real).add(row);
        }
        this.rows = Collections.unmodifiableList(real);
        this.emptyTables = Collections.unmodifiableList(empty);
    }

    /**
     * Reads a fixture at a location, looked up as every {@link Location} is: {@code classpath:fixtures/studio.yml},
     * or a file path (relative to the working directory, then the module's base directory, then tried on the class
     * path). A folder is a DbUnit CSV dataset: its {@code table-ordering.txt} names the tables in order, else every
     * {@code .csv} file in it is a table, in name order.
     *
     * @param location e.g. {@code fixtures/studio.yml}
     * @return the fixture, never {@code null}
     * @throws SeedException when nothing is there (the message lists every place searched) or the content cannot be
     *     read
     */
    public static Fixture of(String location) {
        return of(Location.of(Objects.requireNonNull(location, "location")));
    }

    /**
     * Reads a fixture at a location; see {@link #of(String)}.
     *
     * @param location the location
     * @return the fixture, never {@code null}
     * @throws SeedException when nothing is there or the content cannot be read
     */
    public static Fixture of(Location location) {
        try {
            return of(location.list("fixtures"));
        } catch (ResourceException e) {
            throw new SeedException(e.getMessage(), e);
        }
    }

    /**
     * Reads a fixture from files already found: one fixture file, or the files of a DbUnit CSV dataset folder.
     *
     * @param listing what a location holds
     * @return the fixture, never {@code null}
     * @throws SeedException when the content cannot be read
     */
    public static Fixture of(Listing listing) {
        try {
            if (listing.singleFile()) {
                Resource file = listing.resources().get(0);
                return new Fixture(parseText(file.name(), file.text()));
            }
            List<FixtureRow> rows = new ArrayList<>();
            for (String table : csvTables(listing)) {
                Resource csv = listing.find(table + ".csv").orElseThrow(() -> new SeedException("Cannot read the CSV"
                        + " dataset " + listing.location() + ": its " + TABLE_ORDERING + " names table " + table
                        + ", but " + table + ".csv is not in the folder. Add the file, or remove the line."));
                rows.addAll(CsvReader.read(csv.name(), table, csv.text()));
            }
            return new Fixture(rows);
        } catch (ResourceException e) {
            throw new SeedException("Cannot read fixture " + e.getMessage(), e);
        }
    }

    /**
     * Reads a fixture file, or a DbUnit CSV dataset directory.
     *
     * @param path the file or directory
     * @return the fixture, never {@code null}
     * @throws SeedException when it cannot be read
     */
    public static Fixture read(Path path) {
        return of(Location.of(path));
    }

    /**
     * Reads a fixture from the class path (a file, or a folder of a CSV dataset).
     *
     * @param name the resource name, e.g. {@code fixtures/studio.yml}
     * @return the fixture, never {@code null}
     * @throws SeedException when there is no such resource or it cannot be read
     */
    public static Fixture resource(String name) {
        return of(Location.of(Location.CLASSPATH + name));
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
        return new Fixture(parseText(name, Objects.requireNonNull(content, "content")));
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
        merged.addAll(emptyTables);
        merged.addAll(other.emptyTables);
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

    /**
     * {@code rows} is every row of the fixture as written, in order: file order, and for merged fixtures the order of
     * {@link #and(Fixture)}. See {@link Row#values()} for what the values are.
     *
     * @return the rows, unmodifiable, never {@code null}
     */
    public List<Row> rows() {
        return rows.stream().map(Row::new).toList();
    }

    /**
     * {@code rows} is the rows of one table as written, in order.
     *
     * @param table the table's name exactly as the fixture writes it, e.g. {@code party} or {@code billing.invoice};
     *     one of {@link #tables()}
     * @return its rows, unmodifiable; empty when the fixture has no row for that name
     */
    public List<Row> rows(String table) {
        Objects.requireNonNull(table, "table");
        return rows.stream().filter(r -> r.table().equals(table)).map(Row::new).toList();
    }

    /**
     * {@code emptyTables} is the tables the fixture names without any row, as written, in order: {@code user_details:}
     * with nothing after it (or {@code []}) in YAML and JSON, {@code <user_details/>} in flat XML, a CSV file with a
     * header only. Database Rider empties such a table; {@link Seeder#truncateAndLoad(Fixture...)} does too, while
     * {@link Seeder#load(Fixture...)} only checks that the table exists. Expected data reads one as "no rows".
     *
     * @return the names, unmodifiable, never {@code null}
     */
    public List<String> emptyTables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        emptyTables.forEach(r -> names.add(r.table()));
        return List.copyOf(names);
    }

    List<FixtureRow> fixtureRows() {
        return rows;
    }

    List<FixtureRow> emptyTableRows() {
        return emptyTables;
    }

    @Override
    public String toString() {
        return "Fixture[" + rows.size() + " rows in " + tables() + "]";
    }

    private static List<FixtureRow> parseText(String name, String content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return FixtureReaders.yaml(name, content);
        }
        return parse(name, new StringReader(content));
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

    private static List<String> csvTables(Listing listing) {
        Optional<Resource> ordering = listing.find(TABLE_ORDERING);
        if (ordering.isPresent()) {
            return lines(ordering.get().text());
        }
        return listing.resources().stream().map(Resource::relativePath)
                .filter(n -> n.endsWith(".csv") && !n.contains("/")).sorted()
                .map(n -> n.substring(0, n.length() - 4)).toList();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /**
     * {@code Row} is one fixture row as written in its file, before a {@link Seeder} resolves anything: its table,
     * its alias, its column values and where it was written. Immutable.
     */
    public static final class Row {

        private final String table;
        private final String alias;
        private final Map<String, Object> values;
        private final String source;
        private final int line;
        private final int index;
        private final String description;

        Row(FixtureRow row) {
            this.table = row.table();
            this.alias = row.alias();
            Map<String, Object> copy = new LinkedHashMap<>();
            row.values().forEach((column, value) -> copy.put(column, writtenValue(value)));
            this.values = Collections.unmodifiableMap(copy);
            this.source = row.origin().source();
            this.line = row.origin().line();
            this.index = row.index();
            this.description = row.describe();
        }

        /** @return the table's name as written, e.g. {@code party} or {@code billing.invoice}; never {@code null} */
        public String table() {
            return table;
        }

        /** @return the row's alias, written {@code _alias} (a key in YAML and JSON, a column in CSV and flat XML) */
        public Optional<String> alias() {
            return Optional.ofNullable(alias);
        }

        /**
         * {@code values} is the row's columns and values in the order written; columns the row leaves out are not in
         * it. Values are as written, nothing resolved or evaluated:
         * <ul>
         *   <li>text is a {@code String}, placeholders included: a reference is the text {@code $ref:alias} or
         *       {@code $ref:alias.column}, a time is {@code $now-1d} or {@code $today}, an escaped dollar stays
         *       {@code $$text};</li>
         *   <li>YAML and JSON numbers are {@code Integer}, {@code Long} or {@code BigInteger}, and {@code BigDecimal}
         *       (exactly as written), booleans {@code Boolean}; CSV and flat XML values are always text;</li>
         *   <li>SQL {@code NULL} ({@code null} or {@code ~} in YAML, {@code null} in JSON and unquoted in CSV,
         *       {@code [null]} in flat XML) is {@code null};</li>
         *   <li>a nested YAML or JSON object or array (for {@code jsonb}, array or composite columns) is an
         *       unmodifiable {@code Map<String, Object>} or {@code List<Object>} of such values;</li>
         *   <li>rows built in Java ({@link TableRows#toFixture()}) keep the values given to
         *       {@link RowValues#set(String, Object)}: a reference is a {@link Ref}, maps and lists are unmodifiable
         *       copies, arrays and {@code byte[]} are copies.</li>
         * </ul>
         *
         * @return column → value, unmodifiable, never {@code null}
         */
        public Map<String, Object> values() {
            return values;
        }

        /** @return the file (or class path resource) the row was read from, e.g. {@code fixtures/studio.yml} */
        public String source() {
            return source;
        }

        /** @return the 1-based line where the row starts in {@link #source()}, or 0 when the format gives none */
        public int line() {
            return line;
        }

        /** @return the row's 1-based position among the rows of its table in its source */
        public int index() {
            return index;
        }

        /**
         * {@code describe} names the row for messages, as the seeder does.
         *
         * @return e.g. {@code fixtures/studio.yml:7, table party, row 2 (alias "alice")}
         */
        public String describe() {
            return description;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row other && other.table.equals(table) && Objects.equals(other.alias, alias)
                    && other.values.equals(values) && other.source.equals(source) && other.line == line
                    && other.index == index;
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, alias, values, source, line, index);
        }

        /** @return e.g. {@code fixtures/studio.yml:7, table party, row 2 (alias "alice")
         *     {display_name=Alice, owner_id=$ref:bob}} */
        @Override
        public String toString() {
            return description + " " + values;
        }

        private static Object writtenValue(Object value) {
            if (value instanceof JsonNode node) {
                return fromTree(node);
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, writtenValue(v)));
                return Collections.unmodifiableMap(copy);
            }
            if (value instanceof Collection<?> collection) {
                List<Object> copy = new ArrayList<>();
                collection.forEach(v -> copy.add(writtenValue(v)));
                return Collections.unmodifiableList(copy);
            }
            if (value instanceof byte[] bytes) {
                return bytes.clone();
            }
            if (value instanceof Object[] array) {
                return array.clone();
            }
            return value;
        }

        private static Object fromTree(JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), fromTree(e.getValue())));
                return Collections.unmodifiableMap(map);
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                node.forEach(element -> list.add(fromTree(element)));
                return Collections.unmodifiableList(list);
            }
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return node.asText();
        }
    }
}
