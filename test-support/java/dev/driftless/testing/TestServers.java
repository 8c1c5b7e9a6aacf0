package dev.driftless.testing;

import dev.driftless.config.DriftlessConfig;
import dev.driftless.internal.server.DockerCheck;
import dev.driftless.internal.server.DockerServer;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import org.junit.jupiter.api.Assumptions;

/**
 * Servers for Driftless' own tests, shared per JVM (one Surefire fork per module).
 *
 * <p>{@link #embedded()} always works. {@link #docker()} skips the calling test with a stated reason when Docker
 * cannot serve it (no engine answers, or an image it needs cannot be had), unless {@code DRIFTLESS_REQUIRE_DOCKER=true}
 * (as {@code .ci/run} sets), in which case it fails.
 */
public final class TestServers {

    private TestServers() {
    }

    /** @return the shared embedded server of the default major version */
    public static PostgresServer embedded() {
        return PostgresServer.shared(ServerConfig.embedded());
    }

    /**
     * @param major a major version
     * @return the shared embedded server of that version
     */
    public static PostgresServer embedded(int major) {
        return PostgresServer.shared(ServerConfig.embedded(major));
    }

    /** @return the image the Docker tests use: {@code DRIFTLESS_POSTGRES_IMAGE}, else the default */
    public static String dockerImage() {
        return DriftlessConfig.load().get(DriftlessConfig.POSTGRES_IMAGE).orElse(DriftlessConfig.DEFAULT_IMAGE);
    }

    /**
     * Skips the calling test when the Docker tests cannot run here (no engine, or their image or Testcontainers'
     * helper image cannot be had), saying why; or fails it when Docker is required.
     */
    public static void assumeDocker() {
        DockerCheck check = DockerServer.check(dockerImage());
        boolean available = check.uncheckable() ? DockerServer.dockerAvailable() : check.usable();
        if (!available && DriftlessConfig.load().getBoolean(DriftlessConfig.REQUIRE_DOCKER, false)) {
            throw new AssertionError("DRIFTLESS_REQUIRE_DOCKER=true but the Docker tests cannot run: " + check.reason());
        }
        Assumptions.assumeTrue(available, "The Docker-provider tests are skipped: " + check.reason() + ". Start Docker"
                + " (or run ../shared/ci/docker-postgres.sh) to run them.");
    }

    /** @return the shared Docker server, after {@link #assumeDocker()} */
    public static PostgresServer docker() {
        assumeDocker();
        return PostgresServer.shared(ServerConfig.docker(dockerImage()));
    }
}
