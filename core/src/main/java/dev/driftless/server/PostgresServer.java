package dev.driftless.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.internal.server.AdminConnections;
import dev.driftless.sql.Quote;
import dev.driftless.internal.server.Secrets;
import dev.driftless.internal.server.ServerHandle;
import dev.driftless.internal.server.ServerLauncher;
import dev.driftless.internal.server.ServerRegistry;
import dev.driftless.template.Templates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code PostgresServer} is a running PostgreSQL server on which Driftless may create databases: embedded, in Docker,
 * or one the user runs (see {@link ProviderKind}).
 *
 * <pre>{@code
 * PostgresServer server = PostgresServer.shared();          // as configured; one per JVM, stopped at JVM exit
 * Database db = server.createDatabase();
 * try (Connection c = db.connect()) { ... }
 * server.drop(db);
 * }</pre>
 *
 * <p>Every database Driftless creates has a name starting with {@value #NAME_PREFIX} and a marker comment; Driftless
 * never drops, truncates or alters a database without both. {@link #toString()} never shows a password.
 *
 * <p>Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    /** Prefix of the name of every database Driftless creates. */
    public static final String NAME_PREFIX = "driftless_";

    /** Start of the {@code COMMENT ON DATABASE} that marks a database as Driftless' own. */
    public static final String MARKER = "driftless:";

    private static final String CLONE_COMMENT = MARKER + " created by Driftless for a test; safe to drop";

    private final ServerHandle handle;
    private final ServerConfig config;
    private final AdminConnections admin;
    private final String version;
    private final int majorVersion;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Templates templates;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<CompletableFuture<Void>> pendingDrops = ConcurrentHashMap.newKeySet();
    private final ExecutorService dropper = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "driftless-drop");
        thread.setDaemon(true);
        return thread;
    });
    private final String cloneStrategy = DriftlessConfig.load().get(DriftlessConfig.CLONE_STRATEGY)
            .map(s -> s.toUpperCase(java.util.Locale.ROOT)).filter(s -> s.equals("WAL_LOG")).orElse("FILE_COPY");

    private PostgresServer(ServerHandle handle, ServerConfig config) {
        this.handle = handle;
        this.config = config;
        this.admin = new AdminConnections(handle);
        try {
            this.version = admin.with(c -> queryString(c, "SHOW server_version"));
            this.majorVersion = Integer.parseInt(admin.with(c -> queryString(c, "SHOW server_version_num"))) / 10000;
        } catch (SQLException e) {
            handle.close();
            throw new DriftlessException("Cannot read the version of " + handle.description() + ": " + e.getMessage(), e);
        }
        this.templates = new Templates(this);
    }

    /**
     * Returns the server for this JVM's configuration ({@link ServerConfig#fromEnvironment()}), starting it on first use.
     * It is shared by every caller with the same configuration and stopped when the JVM exits.
     *
     * @return the running server, never {@code null}
     * @throws DriftlessException when the server cannot be started or reached; the message says why and what to do
     */
    public static PostgresServer shared() {
        return shared(ServerConfig.fromEnvironment());
    }

    /**
     * Returns the server for a configuration, starting it on first use; one per JVM per distinct configuration,
     * stopped when the JVM exits. Do not {@link #close()} it.
     *
     * @param config the configuration
     * @return the running server, never {@code null}
     * @throws DriftlessException when the server cannot be started or reached
     */
    public static PostgresServer shared(ServerConfig config) {
        return ServerRegistry.shared(config, PostgresServer::start);
    }

    /**
     * Starts (or, for the external provider, connects to) a server owned by the caller, who must {@link #close()} it.
     *
     * @param config the configuration
     * @return the running server, never {@code null}
     * @throws DriftlessException when the server cannot be started or reached
     */
    public static PostgresServer start(ServerConfig config) {
        return new PostgresServer(ServerLauncher.launch(config), config);
    }

    /** @return the provider that supplied this server (never {@link ProviderKind#AUTO}) */
    public ProviderKind provider() {
        return handle.kind();
    }

    /** @return the configuration this server was started from */
    public ServerConfig config() {
        return config;
    }

    /** @return the server's version as it reports it, e.g. {@code 17.6} */
    public String version() {
        return version;
    }

    /** @return the server's major version, e.g. {@code 17} */
    public int majorVersion() {
        return majorVersion;
    }

    /** @return the host name clients connect to */
    public String host() {
        return handle.host();
    }

    /** @return the port clients connect to */
    public int port() {
        return handle.port();
    }

    /**
     * Returns the template databases of this server: build once per content hash, clone per test.
     *
     * @return the templates, never {@code null}
     */
    public Templates templates() {
        return templates;
    }

    /**
     * Creates a new, empty database owned by Driftless.
     *
     * @return the database, never {@code null}
     * @throws DriftlessException when the server refuses
     */
    public Database createDatabase() {
        return create(newName(""), null, CLONE_COMMENT);
    }

    /**
     * Creates a new database as a copy of one of Driftless' template databases. Prefer
     * {@code templates().get(key, initializer).newDatabase()}, which builds the template first.
     *
     * @param templateName the template's name; it must be a database Driftless created
     * @return the copy, never {@code null}
     * @throws DriftlessException when the template is not Driftless' own or the server refuses
     */
    public Database cloneDatabase(String templateName) {
        return create(newName(""), templateName, CLONE_COMMENT);
    }

    /**
     * Returns connection details for an existing database that Driftless created on this server.
     *
     * @param name the database name
     * @return the database
     */
    public Database database(String name) {
        return new Database(name, handle.host(), handle.port(), handle.user(), handle.password());
    }

    /**
     * Drops a database that Driftless created, closing its open connections first. Dropping a database that no longer
     * exists does nothing.
     *
     * @param database the database
     * @throws DriftlessException when the database is not Driftless' own: Driftless never drops a database it did not create
     */
    public void drop(Database database) {
        drop(database.name());
    }

    /**
     * Drops a database that Driftless created, in the background, so that the caller (a finished test) need not wait.
     * {@link #driftlessDatabases()} and {@link #close()} wait for pending drops; a failure is logged.
     *
     * @param database the database
     */
    public void dropInBackground(Database database) {
        CompletableFuture<Void> drop = CompletableFuture.runAsync(() -> {
            try {
                drop(database);
            } catch (RuntimeException e) {
                LOG.warn("Could not drop {}: {}", database.name(), e.getMessage());
            }
        }, dropper);
        pendingDrops.add(drop);
        drop.whenComplete((ignored, failure) -> pendingDrops.remove(drop));
    }

    /**
     * Drops a database that Driftless created, by name; see {@link #drop(Database)}.
     *
     * @param name the database name
     */
    public void drop(String name) {
        try {
            admin.with(c -> {
                String comment = markerComment(c, name);
                if (comment == null && !exists(c, name)) {
                    created.remove(name);
                    return null;
                }
                requireOwned(name, comment, "drop");
                execute(c, dropStatement(name));
                created.remove(name);
                return null;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot drop database " + name + " on " + handle.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Keeps a database that Driftless created beyond this server's {@link #close()}, which otherwise drops it on
     * servers that outlive the JVM (external, reused). The database stays marked as Driftless' own.
     *
     * @param database the database to keep, for a person to inspect
     */
    public void keep(Database database) {
        created.remove(database.name());
    }

    /**
     * Lists the databases on this server that carry Driftless' marker, templates included, whoever created them.
     *
     * @return their names, sorted
     */
    public Set<String> driftlessDatabases() {
        awaitPendingDrops();
        try {
            return admin.with(c -> {
                Set<String> names = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT datname FROM pg_database"
                        + " WHERE datname LIKE 'driftless\\_%' AND shobj_description(oid, 'pg_database') LIKE ?")) {
                    ps.setString(1, MARKER + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            names.add(rs.getString(1));
                        }
                    }
                }
                return names;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot list databases on " + handle.description() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a database with a given name, optionally from a template, and marks it. For the template machinery.
     *
     * @param name the new database's name; must start with {@value #NAME_PREFIX}
     * @param templateName the template, or {@code null} for the server's default
     * @param comment the marker comment; must start with {@value #MARKER}
     * @return the database
     */
    public Database create(String name, String templateName, String comment) {
        if (!name.startsWith(NAME_PREFIX) || !comment.startsWith(MARKER)) {
            throw new IllegalArgumentException("Driftless databases need the " + NAME_PREFIX + " prefix and marker");
        }
        try {
            admin.with(c -> {
                StringBuilder sql = new StringBuilder("CREATE DATABASE ").append(Quote.identifier(name));
                if (templateName != null) {
                    requireOwned(templateName, markerComment(c, templateName), "copy");
                    sql.append(" TEMPLATE ").append(Quote.identifier(templateName));
                    if (majorVersion >= 15) {
                        sql.append(" STRATEGY ").append(cloneStrategy);
                    }
                }
                execute(c, sql.toString());
                created.add(name);
                execute(c, "COMMENT ON DATABASE " + Quote.identifier(name) + " IS " + Quote.literal(comment));
                return null;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot create database " + name
                    + (templateName == null ? "" : " from template " + templateName) + " on " + handle.description()
                    + ": " + e.getMessage(), e);
        }
        return database(name);
    }

    /**
     * Renames a Driftless database. For the template machinery, which builds under a temporary name and publishes by
     * renaming.
     *
     * @param from the current name
     * @param to the new name, with the {@value #NAME_PREFIX} prefix
     * @param comment the new marker comment
     */
    public void rename(String from, String to, String comment) {
        try {
            admin.with(c -> {
                requireOwned(from, markerComment(c, from), "rename");
                execute(c, "ALTER DATABASE " + Quote.identifier(from) + " RENAME TO " + Quote.identifier(to));
                created.remove(from);
                created.add(to);
                execute(c, "COMMENT ON DATABASE " + Quote.identifier(to) + " IS " + Quote.literal(comment));
                return null;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot rename database " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs work on an administrative connection (to the server's maintenance database). For Driftless' own machinery.
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws SQLException from the work
     */
    public <T> T withAdminConnection(AdminConnections.Work<T> work) throws SQLException {
        return admin.with(work);
    }

    /**
     * Returns a new database name with Driftless' prefix.
     *
     * @param kind a short word for the kind of database ({@code tpl}, {@code build}), or empty
     * @return a unique name
     */
    public static String newName(String kind) {
        return NAME_PREFIX + (kind.isEmpty() ? "" : kind + "_") + Secrets.randomToken(12);
    }

    /**
     * Stops the server (for the external provider: disconnects) after dropping the databases this instance created,
     * except templates kept for reuse. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        awaitPendingDrops();
        dropper.shutdown();
        templates.close();
        boolean serverGoesAway = handle.kind() != ProviderKind.EXTERNAL && !config.reuse();
        if (!serverGoesAway) {
            for (String name : new ArrayList<>(created)) {
                if (config.reuse() && templates.isTemplateName(name)) {
                    continue;
                }
                try {
                    drop(name);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        admin.close();
        try {
            handle.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + handle.description() + ", PostgreSQL " + version + "]";
    }

    private void awaitPendingDrops() {
        CompletableFuture.allOf(pendingDrops.toArray(new CompletableFuture<?>[0])).join();
    }

    private String dropStatement(String name) {
        return "DROP DATABASE IF EXISTS " + Quote.identifier(name) + (majorVersion >= 13 ? " WITH (FORCE)" : "");
    }

    private static void requireOwned(String name, String comment, String action) {
        if (!name.startsWith(NAME_PREFIX) || comment == null || !comment.startsWith(MARKER)) {
            throw new DriftlessException("Refusing to " + action + " database '" + name + "': Driftless did not create it"
                    + " (it lacks the '" + NAME_PREFIX + "' name prefix or the '" + MARKER + "' comment)."
                    + " Driftless only ever changes databases it created itself.");
        }
    }

    private static String markerComment(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
