package dev.driftless.template;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a few copies of one template created ahead of demand, so that a test obtains a fresh database without waiting
 * for {@code CREATE DATABASE}: copying takes tens of milliseconds, handing out a ready copy takes microseconds, and the
 * next copy is made in the background while the test runs.
 *
 * <p>Prefetching starts with the first request, so templates used once cost nothing extra.
 */
final class ClonePool {

    private static final Logger LOG = LoggerFactory.getLogger(ClonePool.class);

    private final PostgresServer server;
    private final String templateName;
    private final int prefetch;
    private final Executor executor;
    private final ConcurrentLinkedDeque<Database> ready = new ConcurrentLinkedDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    ClonePool(PostgresServer server, String templateName, int prefetch, Executor executor) {
        this.server = server;
        this.templateName = templateName;
        this.prefetch = prefetch;
        this.executor = executor;
    }

    Database take() {
        Database database = ready.pollFirst();
        refill();
        return database != null ? database : server.cloneDatabase(templateName);
    }

    private void refill() {
        while (!closed && ready.size() + inFlight.get() < prefetch) {
            inFlight.incrementAndGet();
            try {
                executor.execute(this::prefetchOne);
            } catch (RuntimeException rejected) {
                inFlight.decrementAndGet();
                return;
            }
        }
    }

    private void prefetchOne() {
        try {
            if (!closed) {
                Database database = server.cloneDatabase(templateName);
                ready.addLast(database);
                if (closed) {
                    dropReady();
                }
            }
        } catch (RuntimeException e) {
            // The caller falls back to copying synchronously and then sees the real error, if any.
            LOG.debug("Could not copy {} ahead of demand: {}", templateName, e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Stops prefetching and drops the copies no one took. */
    void close() {
        closed = true;
        dropReady();
    }

    /** @return how many copies are ready now */
    int readyCount() {
        return ready.size();
    }

    boolean holds(String databaseName) {
        return ready.stream().anyMatch(db -> db.name().equals(databaseName));
    }

    private void dropReady() {
        Database database;
        while ((database = ready.pollFirst()) != null) {
            try {
                server.drop(database);
            } catch (RuntimeException e) {
                LOG.debug("Could not drop unused copy {}: {}", database.name(), e.getMessage());
            }
        }
    }
}
