package dev.driftless.internal.server;

import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JVM-wide servers shared by every caller with the same configuration, stopped by one shutdown hook.
 *
 * <p>This is deliberately a static registry: a server outlives test classes and extension stores, and must be stopped
 * exactly once when the JVM ends, like Testcontainers' own singletons.
 */
public final class ServerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRegistry.class);
    private static final Map<ServerConfig, PostgresServer> SERVERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServerRegistry::stopAll, "driftless-shutdown"));
    }

    private ServerRegistry() {
    }

    /**
     * Returns the shared server for a configuration, starting it once.
     *
     * @param config the configuration
     * @param starter how to start a server
     * @return the shared server
     */
    public static PostgresServer shared(ServerConfig config, Function<ServerConfig, PostgresServer> starter) {
        return SERVERS.computeIfAbsent(config, starter);
    }

    private static void stopAll() {
        List<PostgresServer> servers = new ArrayList<>(SERVERS.values());
        SERVERS.clear();
        for (PostgresServer server : servers) {
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop {} cleanly: {}", server, e.getMessage());
            }
        }
    }
}
