package dev.driftless.template;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;

/**
 * {@code Template} is a built template database. {@link #newDatabase()} copies it, in milliseconds.
 */
public final class Template {

    private final PostgresServer server;
    private final String databaseName;
    private final TemplateKey key;
    private final boolean reused;

    Template(PostgresServer server, String databaseName, TemplateKey key, boolean reused) {
        this.server = server;
        this.databaseName = databaseName;
        this.key = key;
        this.reused = reused;
    }

    /**
     * Creates a fresh copy of this template, owned by Driftless; drop it with {@link PostgresServer#drop(Database)}.
     *
     * @return the copy, never {@code null}
     */
    public Database newDatabase() {
        return server.cloneDatabase(databaseName);
    }

    /** @return the template database's name */
    public String databaseName() {
        return databaseName;
    }

    /** @return the key it was built for */
    public TemplateKey key() {
        return key;
    }

    /** @return {@code true} when the template already existed on the server and was not built by this JVM */
    public boolean reused() {
        return reused;
    }

    @Override
    public String toString() {
        return "Template[" + databaseName + ", " + key + (reused ? ", reused" : "") + "]";
    }
}
