package dev.driftless.testing;

import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import dev.driftless.template.Templates;

/**
 * Starts a shared server, prints its port, and exits normally: the child JVM of {@code ServerLifecycleTest}.
 */
public final class StartSharedServerMain {

    private StartSharedServerMain() {
    }

    /**
     * @param args {@code embedded}, {@code docker <image>} or {@code docker-reuse <image>}
     */
    public static void main(String[] args) {
        ServerConfig config = args[0].equals("embedded") ? ServerConfig.embedded()
                : ServerConfig.docker(args[1]).withReuse(args[0].equals("docker-reuse"));
        PostgresServer server = PostgresServer.shared(config);
        Templates.of(server).get(dev.driftless.template.TemplateKey.of("lifecycle"),
                db -> System.out.println("INITIALIZED")).newDatabase();
        System.out.println("PORT=" + server.port());
    }
}
