package dev.driftless.benchmarks;

import dev.driftless.internal.schema.CatalogQueries;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code SnapshotBenchmark} measures {@link SchemaInspector} on a generated schema of 1,000 tables × 10 columns, each
 * with a primary key, two indexes and one foreign key, on the embedded server (target: median ≤ 500 ms), against a
 * plain JDBC {@link DatabaseMetaData} crawl of the same schema ({@code getTables}, then {@code getColumns},
 * {@code getPrimaryKeys}, {@code getImportedKeys} and {@code getIndexInfo} per table), measured in the same run.
 *
 * <p>Arguments (all optional): {@code tables} (default 1000), {@code snapshot runs} (default 9), {@code crawl runs}
 * (default 3). Both sides read over one already-open connection, after warm-up runs. Besides wall time it reports CPU
 * time (this thread plus the server backend), which stays meaningful on a shared, busy machine.
 */
public final class SnapshotBenchmark {

    private SnapshotBenchmark() {
    }

    /**
     * Runs the benchmark and prints the medians and their ratio.
     *
     * @param args {@code [tables] [snapshot runs] [crawl runs]}
     * @throws Exception when the server or a query fails
     */
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int snapshotRuns = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int crawlRuns = args.length > 2 ? Integer.parseInt(args[2]) : 3;

        PostgresServer server = PostgresServer.shared(ServerConfig.embedded());
        Database db = server.createDatabase();
        try {
            long started = System.nanoTime();
            generate(db, tables);
            System.out.printf(Locale.ROOT, "Generated %d tables x 10 columns (PK, 2 indexes, 1 FK each) on %s in %d ms%n",
                    tables, server, (System.nanoTime() - started) / 1_000_000);

            try (Connection c = db.connect()) {
                SchemaInspector inspector = SchemaInspector.create();
                CpuClock cpu = new CpuClock(c);
                SchemaSnapshot snapshot = null;
                for (int i = 0; i < 2; i++) {
                    snapshot = inspector.inspect(c);
                }
                long[] snapshotTimes = new long[snapshotRuns];
                long[] snapshotCpu = new long[snapshotRuns];
                for (int i = 0; i < snapshotRuns; i++) {
                    long cpuStart = cpu.now();
                    long t = System.nanoTime();
                    snapshot = inspector.inspect(c);
                    snapshotTimes[i] = System.nanoTime() - t;
                    snapshotCpu[i] = cpu.now() - cpuStart;
                }
                int indexes = snapshot.tables().stream().mapToInt(t -> t.indexes().size()).sum();
                int constraints = snapshot.tables().stream().mapToInt(t -> t.constraints().size()).sum();
                int columns = snapshot.tables().stream().mapToInt(t -> t.columns().size()).sum();
                System.out.printf(Locale.ROOT, "Snapshot: %d tables, %d columns, %d constraints, %d indexes%n",
                        snapshot.tables().size(), columns, constraints, indexes);

                int rows = crawl(c);
                long[] crawlTimes = new long[crawlRuns];
                long[] crawlCpu = new long[crawlRuns];
                for (int i = 0; i < crawlRuns; i++) {
                    long cpuStart = cpu.now();
                    long t = System.nanoTime();
                    rows = crawl(c);
                    crawlTimes[i] = System.nanoTime() - t;
                    crawlCpu[i] = cpu.now() - cpuStart;
                }
                System.out.printf(Locale.ROOT, "DatabaseMetaData crawl: %d rows read%n", rows);

                breakdown(c, server.majorVersion());
                double snapshotMedian = median(snapshotTimes);
                double crawlMedian = median(crawlTimes);
                System.out.printf(Locale.ROOT, "SchemaInspector.inspect   wall median %8.1f ms, CPU (client + server)"
                        + " median %8.1f ms  (wall runs: %s)%n", snapshotMedian, median(snapshotCpu),
                        millis(snapshotTimes));
                System.out.printf(Locale.ROOT, "DatabaseMetaData crawl    wall median %8.1f ms, CPU (client + server)"
                        + " median %8.1f ms  (wall runs: %s)%n", crawlMedian, median(crawlCpu), millis(crawlTimes));
                System.out.printf(Locale.ROOT, "Ratio crawl / snapshot: wall %.1fx, CPU %.1fx; target <= 500 ms: %s;"
                        + " load average %s%n", crawlMedian / snapshotMedian, median(crawlCpu) / median(snapshotCpu),
                        snapshotMedian <= 500 ? "met" : "NOT met", loadAverage());
            }
        } finally {
            server.drop(db);
        }
    }

    /**
     * Client-thread CPU time plus the server backend's CPU time (from {@code /proc/<pid>/schedstat}, Linux only, the
     * embedded server being local): unlike wall time it hardly moves when other processes share the machine.
     */
    private static final class CpuClock {

        private final Path schedstat;

        CpuClock(Connection c) throws SQLException {
            try (Statement statement = c.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                Path path = Path.of("/proc", Integer.toString(rs.getInt(1)), "schedstat");
                schedstat = Files.isReadable(path) ? path : null;
            }
        }

        long now() {
            long client = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            if (schedstat == null) {
                return client;
            }
            try {
                return client + Long.parseLong(Files.readString(schedstat).split(" ")[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Prints the median time of each catalog query alone, to show where a snapshot spends its time. */
    private static void breakdown(Connection c, int major) throws SQLException {
        StringBuilder line = new StringBuilder("Per query (median of 5, ms):");
        for (String name : List.of("schemas", "extensions", "tables", "columns", "constraints", "indexes", "triggers",
                "policies", "sequences", "views", "functions", "enums", "domains", "composite_types", "collations",
                "text_search_configurations", "text_search_dictionaries", "text_search_parsers",
                "text_search_templates", "publications", "event_triggers", "foreign_data_wrappers", "foreign_servers",
                "user_mappings", "foreign_tables", "not_compared")) {
            String sql = CatalogQueries.query(name, major);
            long[] times = new long[5];
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    if (sql.contains("?")) {
                        ps.setArray(1, c.createArrayOf("text", new String[] {"public"}));
                    }
                    drain(ps.executeQuery());
                }
                times[i] = System.nanoTime() - t;
            }
            line.append(String.format(Locale.ROOT, " %s %.1f", name, median(times)));
        }
        System.out.println(line);
    }

    private static void generate(Database db, int tables) throws SQLException {
        try (Connection c = db.connect(); Statement statement = c.createStatement()) {
            StringBuilder ddl = new StringBuilder();
            for (int i = 0; i < tables; i++) {
                String t = table(i);
                ddl.append("CREATE TABLE ").append(t).append(" (id bigint PRIMARY KEY, parent_id bigint,")
                        .append(" code varchar(20) NOT NULL, name text, amount numeric(12,2) DEFAULT 0,")
                        .append(" created_at timestamptz NOT NULL DEFAULT now(), active boolean NOT NULL DEFAULT true,")
                        .append(" quantity integer, note text, payload jsonb);\n")
                        .append("CREATE INDEX ").append(t).append("_code_idx ON ").append(t).append(" (code);\n")
                        .append("CREATE INDEX ").append(t).append("_created_idx ON ").append(t)
                        .append(" (created_at, quantity);\n");
                if (ddl.length() > 200_000) {
                    statement.execute(ddl.toString());
                    ddl.setLength(0);
                }
            }
            for (int i = 0; i < tables; i++) {
                ddl.append("ALTER TABLE ").append(table(i)).append(" ADD FOREIGN KEY (parent_id) REFERENCES ")
                        .append(table(i == 0 ? tables - 1 : i - 1)).append(" (id);\n");
            }
            statement.execute(ddl.toString());
            statement.execute("ANALYZE");
        }
    }

    private static String table(int i) {
        return String.format(Locale.ROOT, "t%04d", i);
    }

    /** Reads what a tool built on {@code DatabaseMetaData} reads: every table, then its columns, keys and indexes. */
    private static int crawl(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> names = new ArrayList<>();
        int rows = 0;
        try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
                rows++;
            }
        }
        for (String name : names) {
            rows += drain(meta.getColumns(null, "public", name, "%"));
            rows += drain(meta.getPrimaryKeys(null, "public", name));
            rows += drain(meta.getImportedKeys(null, "public", name));
            rows += drain(meta.getIndexInfo(null, "public", name, false, false));
        }
        return rows;
    }

    private static int drain(ResultSet rs) throws SQLException {
        try (rs) {
            int rows = 0;
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
            return rows;
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return middle / 1_000_000.0;
    }

    private static String millis(long[] nanos) {
        StringBuilder text = new StringBuilder();
        for (long n : nanos) {
            text.append(text.length() == 0 ? "" : ", ").append(n / 1_000_000);
        }
        return text.toString();
    }
}
