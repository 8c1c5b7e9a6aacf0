package dev.driftless.sql;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds a database with many object kinds, dumps it with a real {@code pg_dump} (schema only, data only with COPY,
 * and {@code --inserts}), loads each dump with {@link ScriptRunner} into a fresh database, dumps that again and
 * compares: the dumps must be identical.
 *
 * <p>pg_dump refuses servers newer than itself, so this runs on an embedded PostgreSQL 15 with Debian's
 * {@code postgresql-client-15} ({@code /usr/lib/postgresql/15/bin/pg_dump}).
 */
class PgDumpRoundTripTest {

    private static final int MAJOR = 15;
    private static PostgresServer server;
    private static Path pgDump;
    private static Database source;
    private static final List<Database> created = new ArrayList<>();

    @BeforeAll
    static void buildSource() throws Exception {
        Optional<Path> found = findPgDump();
        assumeTrue(found.isPresent(), "No pg_dump " + MAJOR + " on this machine (looked at /usr/lib/postgresql/"
                + MAJOR + "/bin/pg_dump and pg_dump on PATH); install postgresql-client-" + MAJOR + " to run the"
                + " pg_dump round trip.");
        pgDump = found.get();
        server = TestServers.embedded(MAJOR);
        source = fresh();
        try (Connection c = source.connect()) {
            Set<String> available = new TreeSet<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM pg_available_extensions")) {
                while (rs.next()) {
                    available.add(rs.getString(1));
                }
            }
            StringBuilder extensions = new StringBuilder();
            for (String extension : List.of("pgcrypto", "pg_trgm", "citext", "hstore")) {
                if (available.contains(extension)) {
                    extensions.append("CREATE EXTENSION ").append(extension).append(";\n");
                }
            }
            assertThat(extensions).as("extensions in the embedded binaries").isNotEmpty();
            ScriptRunner.create().run(SqlScript.of("extensions.sql", extensions.toString()), c);
            ScriptRunner.create().run(SqlScript.at("classpath:dev/driftless/sql/dump-source.sql"), c);
        }
    }

    @AfterAll
    static void dropAll() {
        if (server != null) {
            created.forEach(server::drop);
        }
    }

    private static Database fresh() {
        Database db = server.createDatabase();
        created.add(db);
        return db;
    }

    @Test
    void schemaOnlyDumpLoadsToTheSameSchema() throws Exception {
        String dump = dump(source, "--schema-only");
        assertThat(dump).contains("CREATE TYPE public.mood AS ENUM", "CREATE MATERIALIZED VIEW",
                "ATTACH PARTITION", "BEGIN ATOMIC", "\\restrict KEY", "CREATE POLICY", "GENERATED ALWAYS AS IDENTITY", "CREATE TRIGGER");
        Database copy = fresh();
        load(copy, "schema.sql", dump);
        assertSameDump("schema-only", dump(copy, "--schema-only"), dump);
    }

    @Test
    void dataOnlyDumpWithCopyLoadsTheSameData() throws Exception {
        String schema = dump(source, "--schema-only");
        String data = dump(source, "--data-only", "--disable-triggers");
        assertThat(data).contains("FROM stdin;", "\n\\.\n");
        Database copy = fresh();
        load(copy, "schema.sql", schema);
        load(copy, "data.sql", data);
        assertSameDump("data-only", dump(copy, "--data-only", "--disable-triggers"), data);
        assertSameDump("schema after data", dump(copy, "--schema-only"), schema);
    }

    @Test
    void insertsDumpLoadsTheSameDatabase() throws Exception {
        String dump = dump(source, "--inserts");
        assertThat(dump).contains("INSERT INTO public.");
        Database copy = fresh();
        load(copy, "inserts.sql", dump);
        assertSameDump("inserts", dump(copy, "--inserts"), dump);
    }

    /** Compares two dumps; when they differ, both are written under target/pg-dump-round-trip/ for diffing. */
    private static void assertSameDump(String name, String actual, String expected) throws IOException {
        if (!actual.equals(expected)) {
            Path dir = Files.createDirectories(Path.of("target", "pg-dump-round-trip"));
            Files.writeString(dir.resolve(name + ".expected.sql"), expected);
            Files.writeString(dir.resolve(name + ".actual.sql"), actual);
        }
        assertThat(actual).as("%s dump after loading it with ScriptRunner (files in target/pg-dump-round-trip)", name)
                .isEqualTo(expected);
    }

    private static void load(Database db, String name, String sql) throws Exception {
        try (Connection c = db.connect()) {
            ScriptResult result = ScriptRunner.create().run(SqlScript.of(name, sql), c);
            assertThat(result.statementCount()).isPositive();
        }
    }

    private static String dump(Database db, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--host", db.host(), "--port",
                String.valueOf(db.port()), "--username", db.user(), "--no-password", "--dbname", db.name()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (db.password() != null) {
            builder.environment().put("PGPASSWORD", db.password());
        }
        Path err = Files.createTempFile("pg_dump", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(err);
        Files.delete(err);
        assertThat(process.exitValue()).as("pg_dump %s failed: %s", command, errors).isZero();
        return withoutRestrictKeys(new String(out, StandardCharsets.UTF_8));
    }

    /** pg_dump 15.14+ / 17.6+ writes a random key in its {@code \restrict} lines; equal dumps differ only there. */
    private static String withoutRestrictKeys(String dump) {
        return dump.replaceAll("(?m)^\\\\(un)?restrict \\S+$", "\\\\$1restrict KEY");
    }

    private static Optional<Path> findPgDump() throws InterruptedException {
        Path debian = Path.of("/usr/lib/postgresql/" + MAJOR + "/bin/pg_dump");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        try {
            Process p = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            if (version.matches("(?s)pg_dump \\(PostgreSQL\\) " + MAJOR + "\\..*")) {
                return Optional.of(Path.of("pg_dump"));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
