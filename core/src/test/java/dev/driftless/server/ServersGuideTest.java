package dev.driftless.server;

import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.Template;
import dev.driftless.template.TemplateKey;
import dev.driftless.template.Templates;
import dev.driftless.testing.GuideSnippets;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The code shown in docs/servers.md, compiled here (and run where it needs no other server), so the page cannot rot. */
class ServersGuideTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/servers.md")
                .assertShowsOnlyCodeFrom("core/src/test/java/dev/driftless/server/ServersGuideTest.java");
    }

    @Test
    void aTemplateIsBuiltOnceAndCopied() throws SQLException {
        PostgresServer server = TestServers.embedded();

        TemplateKey key = TemplateKey.builder()
                .add("schema", Path.of("src/test/resources/sql/init_schema.sql"))     // content hash: change a byte, get a new template
                .build();
        Template template = Templates.of(server).get(key, db -> loadSchema(db));
        Database fresh = template.newDatabase();                    // CREATE DATABASE ... TEMPLATE ...

        try (Connection c = fresh.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM party")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
            assertThat(Templates.of(server).get(key, db -> loadSchema(db)).databaseName())
                    .isEqualTo(template.databaseName());
        } finally {
            server.drop(fresh);
        }
    }

    private static void loadSchema(Database db) throws SQLException {
        try (Connection c = db.connect()) {
            ScriptRunner.create().run(SqlScript.at("src/test/resources/sql/init_schema.sql"), c);
        }
    }

    /**
     * The page's first example; compiled, not run: {@code PostgresServer.shared()} starts the server this machine's
     * configuration asks for (a Docker container where Docker answers), and Driftless' own tests use the embedded one.
     */
    @SuppressWarnings("unused")
    private static void theServerAsConfigured() throws SQLException {
        PostgresServer server = PostgresServer.shared();   // as configured; one per JVM, stopped when the JVM exits
        Database db = server.createDatabase();             // a new, empty database owned by Driftless
        try (Connection c = db.connect()) {
            c.createStatement().execute("SELECT 1");
        }
        server.drop(db);
    }

    /** The page's choice of provider in code; compiled, not run: it would start PostgreSQL 16, PostGIS and more. */
    @SuppressWarnings("unused")
    private static void choosingTheProvider(String secret) {
        PostgresServer.shared(ServerConfig.embedded(16));
        PostgresServer.shared(ServerConfig.docker("postgis/postgis:17-3.5"));
        PostgresServer.shared(ServerConfig.external("jdbc:postgresql://db:5432/app", "ci", secret));
    }
}
