package dev.driftless.template;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code ScratchDatabases} hands out new, empty databases on a server for work that throws them away afterwards (the
 * migration checks, the command line's comparisons), and drops them, in the background, when it is closed.
 *
 * <pre>{@code
 * try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
 *     Database a = scratch.create();   // usually ready at once
 *     Database b = scratch.create();
 *     ...
 * }                                    // a and b are dropped in the background
 * }</pre>
 *
 * <p>Each database is a copy of one empty template per server rather than a {@code CREATE DATABASE} from
 * {@code template1}: the template machinery keeps copies ready ahead of demand ({@code driftless.clone.prefetch}), so
 * the many databases a long chain's checks need cost little. Safe for use by several threads.
 */
public final class ScratchDatabases implements AutoCloseable {

    private static final TemplateKey EMPTY = TemplateKey.builder().add("driftless", "empty scratch database").build();

    private final PostgresServer server;
    private final Set<String> open = new LinkedHashSet<>();

    private ScratchDatabases(PostgresServer server) {
        this.server = server;
    }

    /**
     * Starts handing out scratch databases on a server.
     *
     * @param server the server, never {@code null}
     * @return the scratch databases, to close when done
     */
    public static ScratchDatabases on(PostgresServer server) {
        return new ScratchDatabases(Objects.requireNonNull(server, "server"));
    }

    /**
     * Returns a new, empty database, dropped when this is closed (or earlier with {@link #drop(Database)}).
     *
     * @return the database, never {@code null}
     * @throws TemplateBuildException when the server cannot make the empty template
     */
    public Database create() {
        Database database = Templates.of(server).get(EMPTY, db -> { }).newDatabase();
        synchronized (open) {
            open.add(database.name());
        }
        return database;
    }

    /**
     * Drops one of these databases now, in the background, e.g. when a check gives up on it and starts over.
     *
     * @param database a database {@link #create()} returned
     */
    public void drop(Database database) {
        boolean mine;
        synchronized (open) {
            mine = open.remove(database.name());
        }
        if (mine) {
            server.dropInBackground(database);
        }
    }

    /**
     * Drops, in the background, every database handed out and not yet dropped. Closing twice does nothing more.
     */
    @Override
    public void close() {
        Set<String> names;
        synchronized (open) {
            names = Set.copyOf(open);
            open.clear();
        }
        names.forEach(name -> server.dropInBackground(server.database(name)));
    }
}
