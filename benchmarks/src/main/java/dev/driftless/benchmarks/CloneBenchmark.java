package dev.driftless.benchmarks;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import dev.driftless.template.Template;
import dev.driftless.template.TemplateKey;
import dev.driftless.template.Templates;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Issue 2's benchmark: the time to obtain a fresh copy of a template holding 50 tables with indexes and foreign keys,
 * on the embedded server, against re-running the same DDL into an empty database. Each iteration then runs a minimal
 * test on the database (connect, insert, select) and drops it, as the JUnit extension does, untimed; the copies made
 * ahead of demand are made during that time.
 *
 * <pre>benchmarks/run.sh CloneBenchmark [clones] [ddlRuns]</pre>
 */
public final class CloneBenchmark {

    private CloneBenchmark() {
    }

    /**
     * @param args optional: number of timed clones (default 200) and of timed DDL runs (default 30)
     * @throws SQLException when the server fails
     */
    public static void main(String[] args) throws SQLException {
        int clones = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int ddlRuns = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String ddl = fiftyTables();
        try (PostgresServer server = PostgresServer.start(ServerConfig.embedded())) {
            Template template = Templates.of(server).get(TemplateKey.of(ddl), db -> execute(db, ddl));
            System.out.println("Server: " + server + "; schema: 50 tables, 100 indexes, 49 foreign keys");

            Stats clone = time(clones, 20, () -> server.cloneDatabase(template.databaseName()), server);
            Stats pooled = time(clones, 20, () -> template.newDatabase(), server);
            Stats rebuild = time(ddlRuns, 3, () -> {
                Database db = server.createDatabase();
                execute(db, ddl);
                return db;
            }, server);

            System.out.println("CREATE DATABASE ... TEMPLATE, on request    : " + clone);
            System.out.println("template.newDatabase() (copies made ahead) : " + pooled);
            System.out.println("CREATE DATABASE + run the same DDL        : " + rebuild);
            System.out.printf(Locale.ROOT, "ratios of medians: DDL / on-request copy %.1fx, DDL / newDatabase() %.0fx%n",
                    rebuild.median() / clone.median(), rebuild.median() / pooled.median());
        }
    }

    interface DatabaseMaker {
        Database make() throws SQLException;
    }

    private static Stats time(int iterations, int warmup, DatabaseMaker maker, PostgresServer server) throws SQLException {
        long[] nanos = new long[iterations];
        for (int i = -warmup; i < iterations; i++) {
            long start = System.nanoTime();
            Database db = maker.make();
            long elapsed = System.nanoTime() - start;
            simulateTest(db);
            server.drop(db);
            if (i >= 0) {
                nanos[i] = elapsed;
            }
        }
        return Stats.ofNanos(nanos);
    }

    /** The smallest realistic test: connect, write a row, read it back. */
    private static void simulateTest(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO t0 (code) VALUES ('x')");
            s.executeQuery("SELECT count(*) FROM t0").close();
        }
    }

    static String fiftyTables() {
        StringBuilder sql = new StringBuilder();
        for (int t = 0; t < 50; t++) {
            sql.append("CREATE TABLE t").append(t).append(" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,")
                    .append(" code text NOT NULL UNIQUE, amount_cents bigint NOT NULL DEFAULT 0,")
                    .append(" created_at timestamptz NOT NULL DEFAULT now(), note text");
            if (t > 0) {
                sql.append(", parent_id bigint REFERENCES t").append(t - 1).append(" (id) ON DELETE CASCADE");
            }
            sql.append(");\n");
            sql.append("CREATE INDEX t").append(t).append("_created_idx ON t").append(t).append(" (created_at);\n");
            if (t > 0) {
                sql.append("CREATE INDEX t").append(t).append("_parent_idx ON t").append(t).append(" (parent_id);\n");
            }
        }
        return sql.toString();
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
