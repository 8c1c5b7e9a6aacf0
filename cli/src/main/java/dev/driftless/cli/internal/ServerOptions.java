package dev.driftless.cli.internal;

import dev.driftless.server.Redaction;
import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code ServerOptions} choose the PostgreSQL server on which {@code verify}, {@code diff} and {@code snapshot} build
 * their scratch databases: embedded by default, a Docker image, or a server the user runs.
 */
public final class ServerOptions {

    @Option(names = "--provider", paramLabel = "embedded|docker|external",
            description = "Where scratch databases are built: embedded (default; no Docker needed), docker, or "
                    + "external (your server, --jdbc-url; Driftless creates and drops only its own databases).")
    private String provider;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "JDBC URL of any database on your server, for --provider external (implied by this option). "
                    + "The password is read from DRIFTLESS_JDBC_PASSWORD or PGPASSWORD, never from the command line.")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER",
            description = "User for --jdbc-url; needs CREATEDB (default: DRIFTLESS_JDBC_USER, else postgres).")
    private String user;

    @Option(names = "--postgres-version", paramLabel = "MAJOR",
            description = "Major version of the embedded server: 14, 15, 16, 17 (default) or 18.")
    private Integer postgresVersion;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Image for --provider docker (default postgres:17), e.g. timescale/timescaledb:latest-pg17.")
    private String image;

    /** @return the {@code --user} option, or {@code null} */
    public String user() {
        return user;
    }

    /**
     * Starts the chosen server; the caller closes it.
     *
     * @return the running server
     */
    public PostgresServer start() {
        ServerConfig config = config();
        Console.progress("Starting " + describe(config) + " ...");
        PostgresServer server = PostgresServer.start(config);
        Console.progress("PostgreSQL " + server.version() + " ready (" + server.provider().name().toLowerCase(Locale.ROOT)
                + ")");
        return server;
    }

    /**
     * The server configuration of this JVM ({@link ServerConfig#fromEnvironment()}) with the options on top. Without
     * {@code --provider}, {@code --jdbc-url} or a configured provider, the CLI uses the embedded server.
     */
    ServerConfig config() {
        DriftlessConfig settings = DriftlessConfig.load();
        ServerConfig config;
        try {
            config = ServerConfig.from(settings);
        } catch (DriftlessException e) {
            throw new BadInputException(e.getMessage());
        }
        if (provider != null) {
            try {
                config = config.withProvider(ProviderKind.parse(provider));
            } catch (DriftlessException e) {
                throw new BadInputException("--provider " + provider + ": unknown provider; use embedded, docker or"
                        + " external");
            }
        } else if (jdbcUrl != null) {
            config = config.withProvider(ProviderKind.EXTERNAL);
        } else if (config.provider() == ProviderKind.AUTO) {
            config = config.withProvider(config.jdbcUrl().isPresent() ? ProviderKind.EXTERNAL : ProviderKind.EMBEDDED);
        }
        if (postgresVersion != null) {
            config = config.withPostgresVersion(postgresVersion);
        }
        if (image != null) {
            config = config.withImage(image);
        }
        if (config.provider() == ProviderKind.EXTERNAL) {
            String url = jdbcUrl != null ? jdbcUrl : config.jdbcUrl().orElseThrow(() ->
                    new BadInputException("--provider external needs --jdbc-url URL (or DRIFTLESS_JDBC_URL)"));
            config = config.withJdbcUrl(url, Jdbc.user(user, settings), Jdbc.password(settings));
        }
        return config;
    }

    private static String describe(ServerConfig config) {
        return switch (config.provider()) {
            case DOCKER -> "PostgreSQL in Docker (" + config.image() + ")";
            case EXTERNAL -> "a connection to " + Redaction.url(config.jdbcUrl().orElse(""));
            default -> "embedded PostgreSQL " + config.postgresVersion();
        };
    }
}
