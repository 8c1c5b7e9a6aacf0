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

    /** @return JDBC URL parameters to keep on every connection (e.g. {@code ?sslmode=require}), or an empty string */
    default String urlParameters() {
        return "";
    }

    /** @return a short description for logs, never containing a password */
    String description();

    /** Stops the server if the provider started it; idempotent. */
    @Override
    void close();
}
