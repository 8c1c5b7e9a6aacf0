package dev.driftless.template;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;

/**
 * {@code Template} is a built template database. {@link #newDatabase()} copies it, in milliseconds.
 */
public final class Template {

    private final ClonePool pool;
    private final String databaseName;
    private final TemplateKey key;
    private final boolean reused;

    Template(ClonePool pool, String databaseName, TemplateKey key, boolean reused) {
        this.pool = pool;
        this.databaseName = databaseName;
        this.key = key;
        this.reused = reused;
    }

    /**
     * Returns a fresh copy of this template, owned by the caller, who drops it with
     * {@link PostgresServer#drop(Database)}. After the first call, the next copies are made ahead of demand in the
     * background ({@code driftless.clone.prefetch}, default 2), so this usually returns at once.
     *
     * @return the copy, never {@code null}
     */
    public Database newDatabase() {
        return pool.take();
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
