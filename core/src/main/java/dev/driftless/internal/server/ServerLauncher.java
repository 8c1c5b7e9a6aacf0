package dev.driftless.internal.server;

import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Turns a {@link ServerConfig} into a running server, resolving {@code auto} and logging the choice with its reason.
 */
public final class ServerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

    private ServerLauncher() {
    }

    /**
     * Starts or connects to the configured server.
     *
     * @param config the configuration
     * @return the server
     */
    public static ServerHandle launch(ServerConfig config) {
        ProviderKind kind = config.provider();
        String reason;
        if (kind == ProviderKind.AUTO) {
            if (config.jdbcUrl().isPresent()) {
                kind = ProviderKind.EXTERNAL;
                reason = "driftless.jdbc.url is set";
            } else if (DockerServer.dockerAvailable()) {
                kind = ProviderKind.DOCKER;
                reason = "no driftless.jdbc.url is set and a Docker engine answers";
            } else {
                kind = ProviderKind.EMBEDDED;
                reason = "no driftless.jdbc.url is set and no Docker engine answers";
            }
        } else {
            reason = "configured (driftless.provider=" + kind.displayName() + ")";
        }
        ServerHandle handle;
        switch (kind) {
            case EXTERNAL:
                handle = ExternalServer.connect(config.jdbcUrl().orElseThrow(() -> new dev.driftless.DriftlessException(
                                "The external provider needs driftless.jdbc.url (DRIFTLESS_JDBC_URL), the JDBC URL of"
                                        + " a database on your server.")),
                        config.user().orElse(null), config.password().orElse(null));
                break;
            case DOCKER:
                try {
                    handle = DockerServer.start(config.image(), config.reuse(), config.cacheDir());
                } catch (ImageUnavailableException e) {
                    if (config.provider() != ProviderKind.AUTO) {
                        throw e;
                    }
                    kind = ProviderKind.EMBEDDED;
                    reason = "a Docker engine answers, but " + e.problem() + "; so the embedded server runs instead";
                    handle = EmbeddedServer.start(config.postgresVersion(), config.reuse(), config);
                }
                break;
            default:
                handle = EmbeddedServer.start(config.postgresVersion(), config.reuse(), config);
        }
        LOG.info("Driftless uses the {} provider: {}. Server: {}", kind.displayName(), reason, handle.description());
        return handle;
    }

}
