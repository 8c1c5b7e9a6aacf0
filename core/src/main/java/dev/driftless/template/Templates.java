package dev.driftless.template;

import dev.driftless.DriftlessException;
import dev.driftless.internal.SlowWait;
import dev.driftless.internal.server.DatabaseAdmin;
import dev.driftless.internal.server.OwnershipMarker;
import dev.driftless.internal.server.ServerAccess;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code Templates} builds a template database once per {@link TemplateKey} and server, then hands out copies.
 *
 * <pre>{@code
 * Template template = Templates.of(server).get(key, db -> runSchema(db));
 * Database fresh = template.newDatabase();   // CREATE DATABASE ... TEMPLATE ..., milliseconds
 * }</pre>
 *
 * <p>Safe when many threads, and several JVMs sharing one server, ask for the same key at once: threads of a JVM
 * wait for one build; JVMs serialise on a PostgreSQL advisory lock, and a template is published (renamed to its final
 * name) only when its initializer succeeded, so no one ever sees a half-built template. A failed build is reported to
 * every waiter and leaves nothing behind; later requests for the same key get the same failure without rebuilding.
 *
 * <p>A template in use by any run (any JVM) is never dropped: each run holds a shared advisory lock on every
 * template it uses, taken before it looks for the template. A run drops a throw-away template it used when it ends,
 * unless another run still uses it (the last one then does); with {@code driftless.reuse=true} templates are kept.
 * When a key names its {@linkplain TemplateKey.Builder#setup(String) setup}, building a template also drops the
 * templates of the same setup built from other content, once no run uses them.
 */
public final class Templates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final String TEMPLATE_PREFIX = DatabaseAdmin.NAME_PREFIX + "tpl_";

    private final PostgresServer server;
    private final DatabaseAdmin admin;
    private final int prefetch;
    private final boolean persistent;
    private final Map<String, CompletableFuture<Template>> builds = new ConcurrentHashMap<>();
    private final Map<String, ClonePool> pools = new ConcurrentHashMap<>();
    private final ExecutorService prefetcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "driftless-clone-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    private Templates(PostgresServer server) {
        this.server = server;
        this.admin = ServerAccess.admin(server);
        this.prefetch = server.config().clonePrefetch();
        this.persistent = server.config().reuse();
    }

    /**
     * Returns the template databases of a server: one registry per server, closed with it.
     *
     * @param server the server
     * @return its templates, never {@code null}
     */
    public static Templates of(PostgresServer server) {
        DatabaseAdmin admin = ServerAccess.admin(server);
        return admin.extension(Templates.class, () -> new Templates(server));
    }

    /**
     * Tells whether a database is a copy made ahead of demand and not yet handed out.
     *
     * @param databaseName a database name
     * @return {@code true} for such a copy
     */
    public boolean isPrefetched(String databaseName) {
        return pools.values().stream().anyMatch(pool -> pool.holds(databaseName));
    }

    /**
     * Stops making copies ahead of demand and drops the ones no one took. Called when the server closes.
     */
    @Override
    public void close() {
        prefetcher.shutdownNow();
        try {
            prefetcher.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pools.values().forEach(ClonePool::close);
    }

    /**
     * Returns the template for a key, building it with the initializer if no one has yet.
     *
     * @param key the content hash of the template's inputs
     * @param initializer fills a new database; runs at most once per key and server
     * @return the built template, never {@code null}
     * @throws TemplateBuildException when the initializer failed, with its message
     */
    public Template get(TemplateKey key, TemplateInitializer initializer) {
        String name = databaseNameFor(key);
        CompletableFuture<Template> mine = new CompletableFuture<>();
        CompletableFuture<Template> existing = builds.putIfAbsent(name, mine);
        if (existing == null) {
            try {
                mine.complete(build(name, key, initializer));
            } catch (InitializerFailure failure) {
                mine.completeExceptionally(failure.getCause());
            } catch (Throwable t) {
                mine.completeExceptionally(t);
            }
            return await(mine, key);
        }
        return await(existing, key);
    }

    /**
     * Tells whether a database name is that of a template.
     *
     * @param databaseName a database name
     * @return {@code true} for template names
     */
    public boolean isTemplateName(String databaseName) {
        return databaseName.startsWith(TEMPLATE_PREFIX);
    }

    /**
     * Returns the name the template for a key has (or will have) on this server.
     *
     * @param key the key
     * @return the database name, {@code driftless_tpl_} followed by 40 hex digits
     */
    public String databaseNameFor(TemplateKey key) {
        // The lock space is part of the name: runs whose admin sessions connect to different databases cannot see
        // each other's leases, so each builds and guards its own templates.
        String serverSpecific = TemplateKey.builder().add("templates", "v2").add("key", key.hash())
                .add("postgres major", Integer.toString(server.majorVersion())).add("scope", admin.scope()).build()
                .hash();
        return TEMPLATE_PREFIX + serverSpecific.substring(0, 40);
    }

    private Template await(CompletableFuture<Template> future, TemplateKey key) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new TemplateBuildException("Could not build the template database for " + String.join(", ", key.labels())
                    + ": " + cause.getMessage(), cause);
        }
    }

    private Template build(String name, TemplateKey key, TemplateInitializer initializer) throws SQLException {
        // The lease comes first: from here on, no other run can drop this template under us.
        admin.lease(name);
        long lockId = Long.parseLong(name.substring(TEMPLATE_PREFIX.length(), TEMPLATE_PREFIX.length() + 15), 16);
        Template template = admin.withConnection(lockConnection -> {
            try (SlowWait ignored = SlowWait.start(LOG, "waiting for another run to finish building the template"
                    + " for " + String.join(", ", key.labels()))) {
                advisory(lockConnection, "pg_advisory_lock", lockId);
            }
            try {
                Optional<OwnershipMarker> found = admin.inspect(name);
                if (found.isPresent() && found.get().kind() == OwnershipMarker.Kind.TEMPLATE) {
                    LOG.debug("Reusing template {} for {}", name, key);
                    return new Template(pool(name), name, key, true);
                }
                if (found.isPresent()) {
                    // Driftless' own, but not a finished template (a run died between publishing and marking it).
                    admin.drop(name);
                }
                buildAndPublish(name, key, initializer);
                return new Template(pool(name), name, key, false);
            } finally {
                advisory(lockConnection, "pg_advisory_unlock", lockId);
            }
        });
        if (!template.reused()) {
            key.setup().ifPresent(setup -> admin.dropStaleTemplates(setup, name));
        }
        return template;
    }

    private ClonePool pool(String templateName) {
        return pools.computeIfAbsent(templateName, n -> new ClonePool(server, n, prefetch, prefetcher));
    }

    private void buildAndPublish(String name, TemplateKey key, TemplateInitializer initializer) {
        long started = System.nanoTime();
        Database building = server.database(admin.create(OwnershipMarker.Kind.BUILD, key.setup().orElse("-"),
                persistent));
        try {
            initializer.initialize(building);
            disconnectAll(building.name());
        } catch (Exception e) {
            dropQuietly(building, e);
            throw new InitializerFailure(e);
        } catch (Error e) {
            dropQuietly(building, e);
            throw e;
        }
        admin.rename(building.name(), name, OwnershipMarker.Kind.TEMPLATE);
        LOG.info("Built template {} for {} in {} ms", name, key, (System.nanoTime() - started) / 1_000_000);
    }

    private void dropQuietly(Database building, Throwable failure) {
        try {
            server.drop(building);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void disconnectAll(String databaseName) {
        try {
            admin.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    ps.setString(1, databaseName);
                    ps.executeQuery().close();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot close connections left open to " + databaseName + ": " + e.getMessage(), e);
        }
    }

    /** Carries an initializer's own exception, checked or not, out of the admin-connection lambda. */
    private static final class InitializerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InitializerFailure(Exception cause) {
            super(cause);
        }
    }

    private static void advisory(Connection c, String function, long lockId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, lockId);
            ps.executeQuery().close();
        }
    }
}
