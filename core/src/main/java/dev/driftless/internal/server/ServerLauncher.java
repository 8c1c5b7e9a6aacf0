package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.internal.Notices;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Turns a {@link ServerConfig} into a running server: resolves {@code auto} (within about two seconds, see
 * {@link DockerServer#check(String)}), tells the choice and its reason through {@link Notices} before the server
 * starts, then starts it.
 */
public final class ServerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

    private ServerLauncher() {
    }

    /**
     * Which provider serves a configuration, and why.
     *
     * @param kind the provider, never {@link ProviderKind#AUTO}
     * @param reason why, in words
     * @param docker what the Docker check found, when it ran
     */
    public record Decision(ProviderKind kind, String reason, Optional<DockerCheck> docker) {

        /** @return the notice, e.g. {@code Driftless uses the embedded provider: no driftless.jdbc.url is set and ...} */
        public String describe() {
            return "Driftless uses the " + kind.displayName() + " provider: " + reason;
        }
    }

    /**
     * Decides which provider serves a configuration, without starting anything. For {@code auto} and {@code docker}
     * this asks the Docker engine directly (at most {@link DockerProbe#TOTAL_TIMEOUT}).
     *
     * @param config the configuration
     * @return the decision
     * @throws DriftlessException when the docker provider is configured and cannot run, saying why
     */
    public static Decision decide(ServerConfig config) {
        ProviderKind configured = config.provider();
        if (configured == ProviderKind.AUTO) {
            if (config.jdbcUrl().isPresent()) {
                return new Decision(ProviderKind.EXTERNAL, "driftless.jdbc.url is set", Optional.empty());
            }
            DockerCheck check = DockerServer.check(config.image());
            return new Decision(check.usable() ? ProviderKind.DOCKER : ProviderKind.EMBEDDED,
                    "no driftless.jdbc.url is set and " + check.reason(), Optional.of(check));
        }
        String reason = "configured (driftless.provider=" + configured.displayName() + ")";
        if (configured != ProviderKind.DOCKER) {
            return new Decision(configured, reason, Optional.empty());
        }
        DockerCheck check = DockerServer.check(config.image());
        if (!check.usable() && !check.uncheckable()) {
            throw new DriftlessException("The docker provider cannot run: " + check.reason() + ". " + check.advice());
        }
        return new Decision(configured, reason + "; " + check.reason(), Optional.of(check));
    }

    /**
     * Decides which provider serves a configuration and tells it (through {@link Notices}, so that it reaches people
     * even without an SLF4J provider), without starting anything.
     *
     * @param config the configuration
     * @return the decision
     * @throws DriftlessException when the docker provider is configured and cannot run, saying why
     */
    public static Decision announce(ServerConfig config) {
        Decision decision = decide(config);
        Notices.tell(LOG, decision.describe());
        return decision;
    }

    /**
     * Starts or connects to the configured server.
     *
     * @param config the configuration
     * @return the server
     * @throws DriftlessException when the server cannot be started or reached
     */
    public static ServerHandle launch(ServerConfig config) {
        Decision decision = announce(config);
        ServerHandle handle;
        switch (decision.kind()) {
            case EXTERNAL:
                handle = ExternalServer.connect(config.jdbcUrl().orElseThrow(() -> new DriftlessException(
                                "The external provider needs driftless.jdbc.url (DRIFTLESS_JDBC_URL), the JDBC URL of"
                                        + " a database on your server.")),
                        config.user().orElse(null), config.password().orElse(null));
                break;
            case DOCKER:
                try {
                    handle = DockerServer.start(config.image(), config.reuse(), config.cacheDir(),
                            decision.docker().orElseThrow());
                } catch (DockerUnavailableException e) {
                    if (config.provider() != ProviderKind.AUTO) {
                        throw e;
                    }
                    Notices.tell(LOG, "Driftless uses the embedded provider after all: " + e.problem());
                    handle = EmbeddedServer.start(config.postgresVersion(), config.reuse(), config);
                }
                break;
            default:
                handle = EmbeddedServer.start(config.postgresVersion(), config.reuse(), config);
        }
        LOG.info("Driftless server: {}", handle.description());
        return handle;
    }
}
