package dev.driftless.benchmarks;

import dev.driftless.seed.Seeder;
import dev.driftless.seed.TableRows;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import dev.driftless.template.Template;
import dev.driftless.template.TemplateKey;
import dev.driftless.template.Templates;
import org.dbunit.database.DatabaseConfig;
import org.dbunit.database.DatabaseConnection;
import org.dbunit.database.IDatabaseConnection;
import org.dbunit.dataset.IDataSet;
import org.dbunit.dataset.xml.FlatXmlDataSetBuilder;
import org.dbunit.ext.postgresql.PostgresqlDataTypeFactory;
import org.dbunit.operation.DatabaseOperation;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.driftless.seed.Seeder.ref;

/**
 * {@code SeedBenchmark} measures loading 100,000 rows into a 5-column table with one foreign key (plus its 100 parent
 * rows) with the {@link Seeder} — from a YAML, a JSON and a CSV fixture file, and from the Java DSL — against, in the
 * same run, a hand-written {@code COPY} of the same rows (the floor) and DbUnit's {@code CLEAN_INSERT} of the same
 * data with default settings and with batched statements. Every measurement loads into a fresh clone of one template
 * database; the clone is made and dropped outside the timing.
 *
 * <p>Arguments (all optional): {@code rows} (100000), {@code iterations} (5), {@code dbunitIterations} (3; 0 leaves
 * DbUnit out), {@code only} (run only the loads whose name contains this text, plus the plain COPY).
 * Prints each measurement, then the median, mean, 10th and 90th percentile of each load and its median and mean
 * against the plain {@code COPY}'s.
 */
public final class SeedBenchmark {

    private static final String SCHEMA = """
            CREATE TABLE category (category_id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE item (item_id bigserial PRIMARY KEY,
                               category_id int NOT NULL REFERENCES category,
                               name text NOT NULL,
                               price numeric(10,2) NOT NULL,
                               created_at timestamptz NOT NULL);
            """;
    private static final int CATEGORIES = 100;

    private record Item(long id, int category, String name, BigDecimal price, String createdAt) {
    }

    private SeedBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args rows, iterations, dbunitIterations
     * @throws Exception when a load fails
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int dbunitIterations = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String only = args.length > 3 ? args[3] : "";

        List<Item> items = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            items.add(new Item(i, 1 + i % CATEGORIES, "Item " + i, BigDecimal.valueOf(100 + i % 9000, 2),
                    "2025-01-" + (10 + i % 19) + " 10:" + (10 + i % 50) + ":00+00"));
        }
        Path dir = Files.createTempDirectory("driftless-seed-bench");
        Path yaml = writeYaml(dir.resolve("items.yml"), items);
        Path json = writeJson(dir.resolve("items.json"), items);
        Path csv = writeCsv(dir.resolve("csv"), items);
        Path xml = writeFlatXml(dir.resolve("items.xml"), items);

        PostgresServer server = PostgresServer.shared(ServerConfig.embedded());
        Template template = Templates.of(server).get(TemplateKey.of(SCHEMA), db -> {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute(SCHEMA);
            }
        });
        System.out.printf("PostgreSQL %s, %d rows (+%d parents), %d iterations (DbUnit: %d), %d cores%n",
                server.version(), rows, CATEGORIES, iterations, dbunitIterations,
                Runtime.getRuntime().availableProcessors());

        Map<String, Load> loads = new LinkedHashMap<>();
        loads.put("plain COPY (floor)", db -> handCopy(db, items));
        loads.put("Seeder, YAML file", db -> Seeder.on(db).load(yaml));
        loads.put("Seeder, JSON file", db -> Seeder.on(db).load(json));
        loads.put("Seeder, CSV dataset", db -> Seeder.on(db).load(csv));
        loads.put("Seeder, Java DSL", db -> dsl(db, items));
        loads.put("DbUnit CLEAN_INSERT, batched", db -> dbunit(db, xml, true));
        loads.put("DbUnit CLEAN_INSERT, default", db -> dbunit(db, xml, false));

        loads.keySet().removeIf(k -> k.startsWith("DbUnit") && dbunitIterations == 0
                || !k.startsWith("plain") && !k.contains(only));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        loads.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (Map.Entry<String, Load> e : loads.entrySet()) {
            measure(server, template, e.getValue(), rows); // warm-up, not recorded
        }
        for (int i = 0; i < iterations; i++) {
            for (Map.Entry<String, Load> e : loads.entrySet()) {
                if (e.getKey().startsWith("DbUnit") && i >= dbunitIterations) {
                    continue;
                }
                double seconds = measure(server, template, e.getValue(), rows);
                times.get(e.getKey()).add(seconds);
                System.out.printf("  run %d  %-30s %7.3f s%n", i + 1, e.getKey(), seconds);
            }
        }

        double floor = median(times.get("plain COPY (floor)"));
        double floorMean = stats(times.get("plain COPY (floor)")).mean();
        double dbunitDefault = median(times.getOrDefault("DbUnit CLEAN_INSERT, default", List.of()));
        System.out.println();
        System.out.printf("%-30s %8s %8s %8s %8s %9s %9s %9s%n", iterations + " runs, seconds", "median", "mean", "p10",
                "p90", "median /", "mean /", "DbUnit");
        System.out.printf("%-30s %8s %8s %8s %8s %9s %9s %9s%n", "", "", "", "", "", "COPY", "COPY", "default /");
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            double m = median(e.getValue());
            Stats stats = stats(e.getValue());
            System.out.printf("%-30s %8.3f %8.3f %8.3f %8.3f %8.2fx %8.2fx %8.1fx%n", e.getKey(), m,
                    stats.mean() / 1000, stats.percentile(10) / 1000, stats.percentile(90) / 1000, m / floor,
                    stats.mean() / floorMean, dbunitDefault / m);
        }
    }

    @FunctionalInterface
    private interface Load {
        void into(Database db) throws Exception;
    }

    private static double measure(PostgresServer server, Template template, Load load, int rows) throws Exception {
        Database db = template.newDatabase();
        try {
            long start = System.nanoTime();
            load.into(db);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM item")) {
                rs.next();
                if (rs.getInt(1) != rows) {
                    throw new IllegalStateException("expected " + rows + " rows, found " + rs.getInt(1));
                }
            }
            return seconds;
        } finally {
            server.drop(db);
        }
    }

    private static void handCopy(Database db, List<Item> items) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            StringBuilder parents = new StringBuilder();
            for (int i = 1; i <= CATEGORIES; i++) {
                parents.append(i).append("\tCategory ").append(i).append('\n');
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            byte[] parentBytes = parents.toString().getBytes(StandardCharsets.UTF_8);
            CopyIn parentCopy = pg.getCopyAPI().copyIn("COPY category (category_id, name) FROM STDIN");
            parentCopy.writeToCopy(parentBytes, 0, parentBytes.length);
            parentCopy.endCopy();
            CopyIn copy = pg.getCopyAPI().copyIn("COPY item (item_id, category_id, name, price, created_at) FROM STDIN");
            StringBuilder sb = new StringBuilder(1 << 17);
            for (Item item : items) {
                sb.append(item.id()).append('\t').append(item.category()).append('\t').append(item.name()).append('\t')
                        .append(item.price().toPlainString()).append('\t').append(item.createdAt()).append('\n');
                if (sb.length() > 1 << 16) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval('category_category_id_seq', " + CATEGORIES + ")");
                st.execute("SELECT setval('item_item_id_seq', " + items.size() + ")");
            }
            c.commit();
        }
    }

    private static void dsl(Database db, List<Item> items) {
        Seeder seed = Seeder.on(db);
        TableRows rows = seed.into("category");
        for (int i = 1; i <= CATEGORIES; i++) {
            int n = i;
            rows.row("c" + n, r -> r.set("category_id", n).set("name", "Category " + n));
        }
        rows = rows.into("item");
        for (Item item : items) {
            rows.row(r -> r.set("item_id", item.id()).set("category_id", ref("c" + item.category()))
                    .set("name", item.name()).set("price", item.price()).set("created_at", item.createdAt()));
        }
        rows.load();
    }

    private static void dbunit(Database db, Path xml, boolean batched) throws Exception {
        try (Connection c = db.connect()) {
            IDatabaseConnection connection = new DatabaseConnection(c, "public");
            DatabaseConfig config = connection.getConfig();
            config.setProperty(DatabaseConfig.PROPERTY_DATATYPE_FACTORY, new PostgresqlDataTypeFactory());
            if (batched) {
                config.setProperty(DatabaseConfig.FEATURE_BATCHED_STATEMENTS, true);
            }
            IDataSet dataSet = new FlatXmlDataSetBuilder().setColumnSensing(false).build(xml.toFile());
            DatabaseOperation.CLEAN_INSERT.execute(connection, dataSet);
        }
    }

    private static Path writeYaml(Path file, List<Item> items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("category:\n");
            for (int i = 1; i <= CATEGORIES; i++) {
                w.write("  - _alias: c" + i + "\n    category_id: " + i + "\n    name: Category " + i + "\n");
            }
            w.write("item:\n");
            for (Item item : items) {
                w.write("  - item_id: " + item.id() + "\n    category_id: $ref:c" + item.category() + "\n    name: "
                        + item.name() + "\n    price: " + item.price().toPlainString() + "\n    created_at: "
                        + item.createdAt() + "\n");
            }
        }
        return file;
    }

    private static Path writeJson(Path file, List<Item> items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"category\": [\n");
            for (int i = 1; i <= CATEGORIES; i++) {
                w.write((i == 1 ? "" : ",\n") + "{\"_alias\": \"c" + i + "\", \"category_id\": " + i
                        + ", \"name\": \"Category " + i + "\"}");
            }
            w.write("],\n\"item\": [\n");
            boolean first = true;
            for (Item item : items) {
                w.write((first ? "" : ",\n") + "{\"item_id\": " + item.id() + ", \"category_id\": \"$ref:c"
                        + item.category() + "\", \"name\": \"" + item.name() + "\", \"price\": "
                        + item.price().toPlainString() + ", \"created_at\": \"" + item.createdAt() + "\"}");
                first = false;
            }
            w.write("]}\n");
        }
        return file;
    }

    private static Path writeCsv(Path dir, List<Item> items) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("table-ordering.txt"), "category\nitem\n");
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("category.csv"), StandardCharsets.UTF_8)) {
            w.write("_alias,category_id,name\n");
            for (int i = 1; i <= CATEGORIES; i++) {
                w.write("c" + i + "," + i + ",Category " + i + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("item.csv"), StandardCharsets.UTF_8)) {
            w.write("item_id,category_id,name,price,created_at\n");
            for (Item item : items) {
                w.write(item.id() + ",$ref:c" + item.category() + "," + item.name() + ","
                        + item.price().toPlainString() + "," + item.createdAt() + "\n");
            }
        }
        return dir;
    }

    private static Path writeFlatXml(Path file, List<Item> items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset>\n");
            for (int i = 1; i <= CATEGORIES; i++) {
                w.write("  <category category_id=\"" + i + "\" name=\"Category " + i + "\"/>\n");
            }
            for (Item item : items) {
                w.write("  <item item_id=\"" + item.id() + "\" category_id=\"" + item.category() + "\" name=\""
                        + item.name() + "\" price=\"" + item.price().toPlainString() + "\" created_at=\""
                        + item.createdAt().substring(0, 19) + "\"/>\n");
            }
            w.write("</dataset>\n");
        }
        return file;
    }

    private static Stats stats(List<Double> seconds) {
        return Stats.ofNanos(seconds.stream().mapToLong(v -> Math.round(v * 1e9)).toArray());
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
