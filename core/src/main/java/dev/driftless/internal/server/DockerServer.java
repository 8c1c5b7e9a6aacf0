package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.server.ProviderKind;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL server in a Docker container, started through Testcontainers from any PostgreSQL-compatible image.
 */
public final class DockerServer implements ServerHandle {

    private static final String USER = "driftless";

    private final PostgreSQLContainer container;
    private final String image;
    private final String password;

    private DockerServer(PostgreSQLContainer container, String image, String password) {
        this.container = container;
        this.image = image;
        this.password = password;
    }

    /**
     * Tells whether a Docker engine answers.
     *
     * @return {@code true} when Testcontainers can reach a Docker engine
     */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts a container.
     *
     * @param image the image name, e.g. {@code postgres:17} or {@code timescale/timescaledb:latest-pg17}
     * @param reuse whether to ask Testcontainers for a reusable container
     * @return the running server
     * @throws DriftlessException when Docker is unreachable or the image does not start a PostgreSQL server
     */
    public static DockerServer start(String image, boolean reuse) {
        if (!dockerAvailable()) {
            throw new DriftlessException("The docker provider needs a Docker engine, and none answers (DOCKER_HOST="
                    + System.getenv("DOCKER_HOST") + "). Start Docker, or use driftless.provider=embedded.");
        }
        String password = Secrets.newPassword();
        DockerImageName name;
        try {
            name = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
        } catch (IllegalArgumentException e) {
            throw new DriftlessException("'" + image + "' is not a valid Docker image name (driftless.postgres.image): "
                    + e.getMessage(), e);
        }
        PostgreSQLContainer container = new PostgreSQLContainer(name)
                .withUsername(USER)
                .withPassword(password)
                .withDatabaseName(USER)
                .withReuse(reuse);
        container.setCommand("postgres", "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off",
                "-c", "max_connections=300", "-c", "jit=off");
        try {
            container.start();
        } catch (RuntimeException e) {
            try {
                container.stop();
            } catch (RuntimeException ignored) {
                // The container may never have been created; the start failure is what matters.
            }
            throw new DriftlessException("Docker image '" + image + "' did not start a PostgreSQL server: "
                    + Secrets.redact(rootMessage(e), password) + ". Set driftless.postgres.image (DRIFTLESS_POSTGRES_IMAGE)"
                    + " to a PostgreSQL-compatible image, such as postgres:17, postgis/postgis:17-3.5 or"
                    + " timescale/timescaledb:latest-pg17, that is available to this Docker engine.", e);
        }
        return new DockerServer(container, image, password);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(t.getMessage().strip());
            }
        }
        return text.toString();
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.DOCKER;
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String adminDatabase() {
        return USER;
    }

    @Override
    public String description() {
        return "Docker image " + image + " on " + host() + ":" + port();
    }

    @Override
    public void close() {
        container.stop();
    }
}
