package dev.driftless.server;

import com.github.dockerjava.api.DockerClient;
import dev.driftless.DriftlessException;
import dev.driftless.internal.server.DockerCheck;
import dev.driftless.internal.server.DockerServer;
import dev.driftless.template.Template;
import dev.driftless.testing.TestServers;
import dev.driftless.template.Templates;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Docker provider. Skips with a stated reason without Docker, fails when {@code DRIFTLESS_REQUIRE_DOCKER=true}.
 */
class DockerServerTest {

    private static final String NOT_POSTGRES = "driftless-test/not-postgres:latest";

    @Test
    void createsClonesAndDropsDatabasesInAContainer() throws SQLException {
        PostgresServer server = TestServers.docker();
        Template template = Templates.of(server).get(dev.driftless.template.TemplateKey.of("docker " + System.nanoTime()),
                db -> execute(db, "CREATE TABLE t (id int); INSERT INTO t VALUES (1)"));
        Database clone = template.newDatabase();
        try {
            assertThat(server.provider()).isEqualTo(ProviderKind.DOCKER);
            assertThat(server.toString()).startsWith("PostgresServer[Docker image " + TestServers.dockerImage());
            try (Connection c = clone.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            server.drop(clone);
        }
        assertThat(server.driftlessDatabases()).doesNotContain(clone.name());
    }

    @Test
    void explainsAnImageThatIsNotPostgres() {
        TestServers.assumeDocker();
        buildImageThatIsNotPostgres();

        assertThatThrownBy(() -> PostgresServer.start(ServerConfig.docker(NOT_POSTGRES)))
                .isInstanceOf(DriftlessException.class)
                .hasMessageStartingWith("Docker image '" + NOT_POSTGRES + "' did not start a PostgreSQL server: ")
                .hasMessageEndingWith("Set driftless.postgres.image (DRIFTLESS_POSTGRES_IMAGE) to a PostgreSQL-compatible"
                        + " image, such as postgres:17, postgis/postgis:17-3.5 or timescale/timescaledb:latest-pg17, that"
                        + " is available to this Docker engine.");
    }

    @Test
    void refusesAtOnceAnImageThatIsNotAvailable() {
        TestServers.assumeDocker();
        String image = "driftless-test/no-such-image:1";
        DockerCheck check = DockerServer.check(image);

        assertThatThrownBy(() -> PostgresServer.start(ServerConfig.docker(image)))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("The docker provider cannot run: " + check.reason() + ". Pull or build it yourself (docker"
                        + " pull driftless-test/no-such-image:1), set driftless.postgres.image (DRIFTLESS_POSTGRES_IMAGE)"
                        + " to an image this engine has, or use driftless.provider=embedded.");
        assertThat(check.reason()).startsWith("Docker answers at ").contains(", but image " + image + " is not present"
                + " and cannot be pulled (");
    }

    @Test
    void autoFallsBackToEmbeddedWhenTheImageCannotBeObtained() {
        TestServers.assumeDocker();
        try (PostgresServer server = PostgresServer.start(
                ServerConfig.docker("driftless-test/no-such-image:1").withProvider(ProviderKind.AUTO))) {
            assertThat(server.provider()).isEqualTo(ProviderKind.EMBEDDED);
        }
    }

    /** An image whose container prints a line and exits, made from the local PostgreSQL image (no registry here). */
    private static void buildImageThatIsNotPostgres() {
        DockerClient docker = DockerClientFactory.instance().client();
        if (!docker.listImagesCmd().withImageNameFilter(NOT_POSTGRES).exec().isEmpty()) {
            return;
        }
        String container = docker.createContainerCmd(TestServers.dockerImage())
                .withEntrypoint("/bin/sh", "-c", "echo 'this is not PostgreSQL'; exit 3").exec().getId();
        try {
            docker.commitCmd(container).withRepository("driftless-test/not-postgres").withTag("latest").exec();
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
