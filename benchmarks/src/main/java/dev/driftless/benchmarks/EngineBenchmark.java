package dev.driftless.benchmarks;

import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.Layout;
import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import dev.driftless.template.Template;
import dev.driftless.template.Templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue 16's benchmark: what each migration engine costs. The 50-table, 30-migration chain of
 * {@link ExtensionBenchmark} is written to a temporary folder in Flyway's naming ({@code V1__tables_1.sql}) and built
 * by
 * <ol>
 * <li>Driftless's own runner ({@link MigrationEngine#driftless}, the chain read in {@link Layout#FLYWAY});</li>
 * <li>the real Flyway ({@link FlywaySettings#engine()}) on the same folder;</li>
 * <li>Liquibase ({@link LiquibaseSettings#engine()}) on the same files, each wrapped as a formatted-SQL changelog
 * ({@code --liquibase formatted sql}, {@code --changeset bench:N}) and included by an XML master changelog; skipped
 * with a note while {@code engine()} throws (no Liquibase engine in this build).</li>
 * </ol>
 * Each round builds a new, empty database with each engine in turn ({@code engine.migrateToLatest}, timed alone), then
 * copies each engine's template ({@link Templates}, as {@code @MigratedDatabase} does) {@code clones} times, the
 * engines taking turns, both on request ({@code CREATE DATABASE ... TEMPLATE}) and through
 * {@link Template#newDatabase()}; each copy gets a one-query test and is dropped, untimed. Interleaving the engines
 * (A B C, then B C A, ...) spreads the machine's noise over all of them. One untimed build per engine first warms up
 * class loading and the JIT, and builds its template.
 *
 * <pre>benchmarks/run.sh EngineBenchmark [rounds] [clones]</pre>
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    /** One engine and what was measured of it. */
    private static final class Contender {
        final MigrationEngine engine;
        final List<Long> builds = new ArrayList<>();
        final List<Long> onRequest = new ArrayList<>();
        final List<Long> newDatabase = new ArrayList<>();
        Template template;
        long coldBuild;

        Contender(MigrationEngine engine) {
            this.engine = engine;
        }
    }

    /**
     * @param args optional: measured rounds (default 20) and copies per engine and round (default 10)
     * @throws IOException when the migrations cannot be written
     * @throws SQLException when the server fails
     */
    public static void main(String[] args) throws IOException, SQLException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clones = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println("Load at start: " + Machine.loadAverage());
        Path dir = Files.createTempDirectory("driftless-engine-benchmark");
        try (PostgresServer server = PostgresServer.start(ServerConfig.embedded())) {
            List<Contender> contenders = contenders(dir);
            System.out.println("Server: " + server + "; chain: 30 migrations, 50 tables, in " + dir);

            for (Contender c : contenders) {
                c.coldBuild = timeBuild(server, c.engine);
                c.template = Templates.of(server).get(c.engine.contentKey(), c.engine::migrateToLatest);
                requireFiftyTables(c.template.newDatabase(), server, c.engine);
            }
            for (int round = 0; round < rounds; round++) {
                // Each round starts with the next engine, so that no engine always meets the copies that the previous
                // round's newDatabase() calls have set going in the background.
                List<Contender> turn = new ArrayList<>(contenders);
                Collections.rotate(turn, -round);
                for (Contender c : turn) {
                    c.builds.add(timeBuild(server, c.engine));
                }
                for (int i = 0; i < clones; i++) {
                    for (Contender c : turn) {
                        c.onRequest.add(timeCopy(server, () -> server.cloneDatabase(c.template.databaseName())));
                        c.newDatabase.add(timeCopy(server, c.template::newDatabase));
                    }
                }
            }

            System.out.println();
            System.out.println("first build of each engine (untimed warm-up: class loading, JIT): " + String.join(", ",
                    contenders.stream().map(c -> String.format(Locale.ROOT, "%s %.0f ms", c.engine.name(),
                            c.coldBuild / 1e6)).toList()));
            report("template build: migrateToLatest on a new, empty database", contenders, c -> c.builds);
            report("per test: a copy of the engine's template on request (CREATE DATABASE ... TEMPLATE)", contenders,
                    c -> c.onRequest);
            report("per test: template.newDatabase() (copies made ahead, as @MigratedDatabase gets them)",
                    contenders, c -> c.newDatabase);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        System.out.println("Load at end: " + Machine.loadAverage());
    }

    /** Writes the chain and makes the engines: Driftless's runner first, as the others' ratios refer to it. */
    private static List<Contender> contenders(Path dir) throws IOException {
        Path flyway = dir.resolve("flyway");
        List<Path> files = ExtensionBenchmark.writeMigrations(flyway, (version, description) -> "V" + version + "__"
                + description + ".sql");
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender(MigrationEngine.driftless(MigrationChain.at(flyway.toString(), Layout.FLYWAY))));
        contenders.add(new Contender(FlywaySettings.defaults().withLocations("filesystem:" + flyway)
                .withWorkingDirectory(dir).engine()));

        Path liquibase = dir.resolve("liquibase");
        Files.createDirectories(liquibase.resolve("changes"));
        StringBuilder master = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog"
                + " xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd\">\n");
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Files.writeString(liquibase.resolve("changes").resolve(file.getFileName()), "--liquibase formatted sql\n"
                    + "--changeset bench:" + (i + 1) + "\n" + Files.readString(file));
            master.append("  <include file=\"changes/").append(file.getFileName())
                    .append("\" relativeToChangelogFile=\"true\"/>\n");
        }
        Path changelog = Files.writeString(liquibase.resolve("db.changelog-master.xml"),
                master.append("</databaseChangeLog>\n").toString());
        try {
            contenders.add(new Contender(LiquibaseSettings.defaults().withChangelog(changelog.toString())
                    .withWorkingDirectory(dir).engine()));
        } catch (RuntimeException e) {
            System.out.println("Liquibase: skipped, LiquibaseSettings.engine() threw " + e.getClass().getSimpleName()
                    + ": " + e.getMessage());
        }
        return contenders;
    }

    private static long timeBuild(PostgresServer server, MigrationEngine engine) {
        Database database = server.createDatabase();
        long started = System.nanoTime();
        engine.migrateToLatest(database);
        long elapsed = System.nanoTime() - started;
        server.drop(database);
        return elapsed;
    }

    interface DatabaseMaker {
        Database make() throws SQLException;
    }

    /** Times one copy, then runs the smallest test on it and drops it, untimed. */
    private static long timeCopy(PostgresServer server, DatabaseMaker maker) throws SQLException {
        long started = System.nanoTime();
        Database database = maker.make();
        long elapsed = System.nanoTime() - started;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM t1").close();
        }
        server.drop(database);
        return elapsed;
    }

    /** Checks that an engine built the whole schema, so that the engines are compared on the same work. */
    private static void requireFiftyTables(Database database, PostgresServer server, MigrationEngine engine)
            throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                     + " AND tablename ~ '^t[0-9]+$'")) {
            rs.next();
            if (rs.getInt(1) != 50) {
                throw new IllegalStateException(engine.name() + " built " + rs.getInt(1) + " tables, not 50");
            }
        } finally {
            server.drop(database);
        }
    }

    private static void report(String title, List<Contender> contenders,
            Function<Contender, List<Long>> series) {
        System.out.println(title + ":");
        double base = stats(series.apply(contenders.get(0))).mean();
        for (Contender c : contenders) {
            Stats stats = stats(series.apply(c));
            System.out.printf(Locale.ROOT, "  %-16s %s; mean / Driftless's runner %.2fx%n", c.engine.name(),
                    stats.spread(2), stats.mean() / base);
        }
    }

    private static Stats stats(List<Long> nanos) {
        return Stats.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }
}
