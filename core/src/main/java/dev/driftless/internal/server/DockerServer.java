package dev.driftless.internal.server;

import dev.driftless.server.Redaction;
import dev.driftless.sql.Quote;
import dev.driftless.DriftlessException;
import dev.driftless.internal.Notices;
import dev.driftless.internal.SlowWait;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.driftless.server.ProviderKind;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server in a Docker container, started through Testcontainers from any PostgreSQL-compatible image.
 */
public final class DockerServer implements ServerHandle {

    private static final Logger LOG = LoggerFactory.getLogger(DockerServer.class);
    private static final String USER = "driftless";
    private static final int PULL_TIMEOUT_MINUTES = 5;
    private static final String DATA_DIRECTORY = "/var/lib/postgresql/data";
    private static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";
    /**
     * The helper image Testcontainers 2.0.5 starts before the first container ({@code RyukContainer}, which names it
     * in its constructor; {@code ResourceReaper} starts it unless {@code TESTCONTAINERS_RYUK_DISABLED=true}, read from
     * the environment only). {@code DockerServerTest} checks it against the Testcontainers on the class path.
     */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
    private static final String HOST_OVERRIDE = "TESTCONTAINERS_HOST_OVERRIDE";
    /**
     * The image Testcontainers 2.0.5 runs ({@code DockerClientFactory.runInsideDocker}, its {@code TINY_IMAGE}) to read
     * the default gateway ({@code ip route}) when it needs the Docker host's address from inside a container
     * ({@code DockerClientConfigUtils.getDefaultGateway}): for a local socket whose {@code bridge} network names no
     * gateway, unless {@code TESTCONTAINERS_HOST_OVERRIDE} is set. Its other use, the file-mounting check, comes only
     * with bind mounts, which Driftless' container has none of.
     */
    static final String TINY_IMAGE = "alpine:3.17";

    private final PostgreSQLContainer container;
    private final String image;
    private final String password;
    private final boolean reusable;

    private DockerServer(PostgreSQLContainer container, String image, String password, boolean reusable) {
        this.container = container;
        this.image = image;
        this.password = password;
        this.reusable = reusable;
    }

    /**
     * Tells, within about a second, whether a Docker engine answers where Testcontainers will look for it.
     *
     * @return {@code true} when an engine answers there (for an {@code ssh://} or {@code npipe://} address, which
     *     only Testcontainers can reach, Testcontainers' own, slower check decides)
     */
    public static boolean dockerAvailable() {
        DockerCheck engine = DockerCheck.run(DockerProbe.fromEnvironment(), List.of());
        if (!engine.uncheckable()) {
            return engine.usable();
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Checks, within {@link DockerProbe#TOTAL_TIMEOUT}, whether a container of an image can start: whether an engine
     * answers where Testcontainers looks, and whether the image and Testcontainers' helper image (Ryuk, unless
     * {@code TESTCONTAINERS_RYUK_DISABLED=true}) are present or can be pulled. Asks the engine directly, never through
     * Testcontainers, whose own check retries for minutes when its helper image cannot be pulled.
     *
     * @param image the image name, e.g. {@code postgres:17}
     * @return the conclusion, with its reason in words
     */
    public static DockerCheck check(String image) {
        String hostOverride = System.getenv(HOST_OVERRIDE);
        return check(image, !Boolean.parseBoolean(System.getenv(RYUK_DISABLED)),
                Files.exists(Path.of("/.dockerenv")) && (hostOverride == null || hostOverride.isBlank()),
                DockerProbe.fromEnvironment());
    }

    /**
     * {@link #check(String)} with Testcontainers' settings and the places to look given (for tests).
     *
     * @param ryukEnabled whether Testcontainers starts Ryuk
     * @param gatewayLookup whether Testcontainers may run its helper image to find the Docker host's address: this JVM
     *     runs in a container ({@code /.dockerenv}, as Testcontainers tells) and {@code TESTCONTAINERS_HOST_OVERRIDE}
     *     is not set; it then does so for a local socket whose {@code bridge} network names no gateway
     */
    static DockerCheck check(String image, boolean ryukEnabled, boolean gatewayLookup, DockerProbe probe) {
        List<DockerCheck.RequiredImage> images = new ArrayList<>();
        String name = substitute(image);
        images.add(new DockerCheck.RequiredImage(name, "image " + name + (name.equals(image) ? ""
                : " (Testcontainers' substitute for " + image + ")"), "", "Pull or build it yourself (docker pull "
                + name + "), set driftless.postgres.image (DRIFTLESS_POSTGRES_IMAGE) to an image this engine has, or use"
                + " driftless.provider=embedded."));
        if (ryukEnabled) {
            String ryuk = substitute(RYUK_IMAGE);
            images.add(new DockerCheck.RequiredImage(ryuk, "Testcontainers' helper image " + ryuk,
                    "; set " + RYUK_DISABLED + "=true to run without it", "Pull it yourself (docker pull " + ryuk
                    + "), set " + RYUK_DISABLED + "=true to run without it, or use driftless.provider=embedded."));
        }
        Optional<DockerCheck.RequiredImage> gatewayHelper = Optional.empty();
        if (gatewayLookup) {
            String tiny = substitute(TINY_IMAGE);
            gatewayHelper = Optional.of(new DockerCheck.RequiredImage(tiny, "Testcontainers' helper image " + tiny
                    + " (which it runs to find the Docker host's address from inside this container)", "; set "
                    + HOST_OVERRIDE + "=localhost (or the address where containers' ports are reached) to do without"
                    + " it", "Pull it yourself (docker pull " + tiny + "), set " + HOST_OVERRIDE + " to the address where"
                    + " containers' ports are reached, or use driftless.provider=embedded."));
        }
        return DockerCheck.run(probe, images, gatewayHelper);
    }

    /**
     * The name Testcontainers will use for an image: its image name substitution (a registry prefix,
     * {@code ryuk.container.image}, a custom substitutor) applies to every image it starts.
     */
    private static String substitute(String image) {
        try {
            return ImageNameSubstitutor.instance().apply(DockerImageName.parse(image)).asCanonicalNameString();
        } catch (RuntimeException | LinkageError e) {
            return image;
        }
    }

    /**
     * Starts a container, after {@link #check(String)} found the engine and the images.
     *
     * @param image the image name, e.g. {@code postgres:17} or {@code timescale/timescaledb:latest-pg17}
     * @param reuse whether to keep the container running for the next JVM (Testcontainers' reusable containers, which
     *     need {@code testcontainers.reuse.enable=true}); its passwords then derive from a secret in the cache folder
     * @param cacheDir Driftless' cache folder, where the reuse secret is kept
     * @param check what the check found (named in the notices of long waits)
     * @return the running server
     * @throws DriftlessException when the image cannot be pulled or does not start a PostgreSQL server
     */
    public static DockerServer start(String image, boolean reuse, Path cacheDir, DockerCheck check) {
        String engine = check.engine().orElse("the address in DOCKER_HOST");
        boolean ryuk = !Boolean.parseBoolean(System.getenv(RYUK_DISABLED));
        try (SlowWait ignored = SlowWait.start(LOG, "connecting Testcontainers to Docker at " + engine
                + (ryuk ? " and starting its helper container " + substitute(RYUK_IMAGE) : ""))) {
            DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new DockerUnavailableException("Testcontainers cannot use Docker at " + engine + ": "
                    + rootMessage(e), (ryuk ? "If its helper container cannot start on this engine, set " + RYUK_DISABLED
                    + "=true; or use" : "Use") + " driftless.provider=embedded.", e);
        }
        boolean reusable = reuse && reuseEnabled();
        // Testcontainers logs a failed container's environment, bootstrap password included; so the container starts
        // with a bootstrap password and the real one is set over JDBC once it runs. A reusable container needs the
        // same environment every run, so its two passwords derive from a secret kept in the cache folder.
        String secret = reusable ? ReuseSecret.load(cacheDir) : null;
        String bootstrapPassword = reusable ? ReuseSecret.derive(secret, "bootstrap") : Secrets.newPassword();
        String password = reusable ? ReuseSecret.derive(secret, "server") : Secrets.newPassword();
        DockerImageName name;
        try {
            name = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
        } catch (IllegalArgumentException e) {
            throw new DriftlessException("'" + image + "' is not a valid Docker image name (driftless.postgres.image): "
                    + e.getMessage(), e);
        }
        ensureImageAvailable(substitute(image));
        PostgreSQLContainer container = new PostgreSQLContainer(name)
                .withUsername(USER)
                .withPassword(bootstrapPassword)
                .withDatabaseName(USER)
                .withReuse(reusable)
                // Data in memory: copying a template creates a file per relation, ten times slower on a disk.
                .withEnv("PGDATA", DATA_DIRECTORY)
                .withTmpFs(Map.of(DATA_DIRECTORY, "rw"));
        container.setCommand("postgres", "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off",
                "-c", "max_connections=300", "-c", "jit=off");
        try (SlowWait ignored = SlowWait.start(LOG, "starting the PostgreSQL container from image " + image)) {
            container.start();
        } catch (RuntimeException e) {
            try {
                container.stop();
            } catch (RuntimeException ignored) {
                // The container may never have been created; the start failure is what matters.
            }
            throw new DriftlessException("Docker image '" + image + "' did not start a PostgreSQL server: "
                    + Redaction.secret(rootMessage(e), bootstrapPassword) + ". Set driftless.postgres.image (DRIFTLESS_POSTGRES_IMAGE)"
                    + " to a PostgreSQL-compatible image, such as postgres:17, postgis/postgis:17-3.5 or"
                    + " timescale/timescaledb:latest-pg17, that is available to this Docker engine.", e);
        }
        if (!reusable || !passwordWorks(container, password)) {
            rotatePassword(container, bootstrapPassword, password, reusable);
        }
        return new DockerServer(container, image, password, reusable);
    }

    private static boolean reuseEnabled() {
        if (TestcontainersConfiguration.getInstance().environmentSupportsReuse()) {
            return true;
        }
        Notices.warn(LOG, "driftless.reuse=true, but Testcontainers' reusable containers are disabled, so the PostgreSQL container"
                + " is stopped at the end of this run. Set testcontainers.reuse.enable=true in"
                + " ~/.testcontainers.properties (or TESTCONTAINERS_REUSE_ENABLE=true) to keep it between runs.");
        return false;
    }

    private static boolean passwordWorks(PostgreSQLContainer container, String password) {
        try (Connection connection = new SimpleDataSource(container.getJdbcUrl(), USER, password).getConnection()) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rotatePassword(PostgreSQLContainer container, String bootstrapPassword, String password,
                                       boolean reusable) {
        SimpleDataSource bootstrap = new SimpleDataSource(container.getJdbcUrl(), USER, bootstrapPassword);
        try (Connection connection = bootstrap.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + USER + " PASSWORD " + Quote.literal(password));
        } catch (SQLException e) {
            if (!reusable) {
                container.stop();
            }
            throw new DriftlessException("The PostgreSQL container started but its password could not be set: "
                    + Redaction.secret(e.getMessage(), password), e);
        }
    }

    /**
     * Pulls a missing image once, quickly, instead of letting Testcontainers retry for two minutes against a
     * registry that may be unreachable.
     */
    private static void ensureImageAvailable(String image) {
        DockerClient docker = DockerClientFactory.instance().client();
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException missing) {
            // Pull below.
        }
        try (SlowWait ignored = SlowWait.start(LOG, "pulling image " + image)) {
            if (!docker.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new DockerUnavailableException("Docker image '" + image + "' is not available locally and pulling it"
                        + " took longer than " + PULL_TIMEOUT_MINUTES + " minutes", "Pull it yourself (docker pull " + image
                        + ") and run again.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("Interrupted while pulling Docker image '" + image + "'", e);
        } catch (RuntimeException e) {
            if (e instanceof DriftlessException) {
                throw e;
            }
            throw new DockerUnavailableException("Docker image '" + image + "' is not available locally and could not be"
                    + " pulled: " + rootMessage(e), "Check the image name (driftless.postgres.image /"
                    + " DRIFTLESS_POSTGRES_IMAGE), or pull or build it yourself (docker pull " + image + ").", e);
        }
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
        return "Docker image " + image + " on " + host() + ":" + port() + (reusable ? " (reusable container)" : "");
    }

    @Override
    public void close() {
        if (!reusable) {
            container.stop();
        }
    }
}
