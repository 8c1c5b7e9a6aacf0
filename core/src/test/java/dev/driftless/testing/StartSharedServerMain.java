package dev.driftless.testing;

import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;

/**
 * Starts a shared server, prints its port, and exits normally: the child JVM of {@code ServerLifecycleTest}.
 */
public final class StartSharedServerMain {

    private StartSharedServerMain() {
    }

    /**
     * @param args {@code embedded} or {@code docker <image>}
     */
    public static void main(String[] args) {
        ServerConfig config = args[0].equals("docker") ? ServerConfig.docker(args[1]) : ServerConfig.embedded();
        PostgresServer server = PostgresServer.shared(config);
        server.templates().get(dev.driftless.template.TemplateKey.of("lifecycle"), db -> { }).newDatabase();
        System.out.println("PORT=" + server.port());
    }
}
