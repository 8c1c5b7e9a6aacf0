package dev.driftless.internal.server;

import dev.driftless.server.PostgresServer;

import java.util.Objects;
import java.util.function.Function;

/**
 * Gives Driftless' own machinery (templates, clone pools) a server's {@link DatabaseAdmin} without putting it on
 * {@link PostgresServer}'s public face. {@code PostgresServer} registers the accessor when its class initialises.
 */
public final class ServerAccess {

    private static volatile Function<PostgresServer, DatabaseAdmin> admin;

    private ServerAccess() {
    }

    /**
     * Registers the accessor; called once, by {@link PostgresServer}.
     *
     * @param accessor returns a server's admin
     */
    public static void register(Function<PostgresServer, DatabaseAdmin> accessor) {
        if (admin != null) {
            throw new IllegalStateException("The server accessor is registered already");
        }
        admin = Objects.requireNonNull(accessor, "accessor");
    }

    /**
     * @param server a server
     * @return its admin
     */
    public static DatabaseAdmin admin(PostgresServer server) {
        return admin.apply(Objects.requireNonNull(server, "server"));
    }
}
