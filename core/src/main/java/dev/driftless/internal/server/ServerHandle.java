package dev.driftless.internal.server;

import dev.driftless.server.ProviderKind;

/**
 * A running server as a provider hands it over: where it listens, how to log in as an administrator, how to stop it.
 */
public interface ServerHandle extends AutoCloseable {

    /** @return which provider made this server */
    ProviderKind kind();

    /** @return host name to connect to */
    String host();

    /** @return port to connect to */
    int port();

    /** @return the administrative user */
    String user();

    /** @return the administrative user's password; never log it */
    String password();

    /** @return the database to connect to for administrative work */
    String adminDatabase();

    /**
     * @return the URL of {@link #adminDatabase()}, with every parameter the user configured; Driftless points it at
     *     other databases with {@link PgUrl#withDatabase(String)}
     */
    default PgUrl url() {
        return PgUrl.of(host(), port(), adminDatabase());
    }

    /** @return a short description for logs, never containing a password */
    String description();

    /** Stops the server if the provider started it; idempotent. */
    @Override
    void close();
}
