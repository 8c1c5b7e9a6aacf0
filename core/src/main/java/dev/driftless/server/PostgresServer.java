package dev.driftless.server;

import dev.driftless.DriftlessException;
import dev.driftless.internal.server.DatabaseAdmin;
import dev.driftless.internal.server.OwnershipMarker;
import dev.driftless.internal.server.ServerAccess;
import dev.driftless.internal.server.ServerHandle;
import dev.driftless.internal.server.ServerLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code PostgresServer} is a running PostgreSQL server on which Driftless may create databases: embedded, in Docker,
 * or one the user runs (see {@link ProviderKind}).
 *
 * <pre>{@code
 * PostgresServer server = PostgresServer.shared();          // as configured; one per JVM, stopped at JVM exit
 * Database db = server.createDatabase();                    // or a copy of a template: Templates.of(server)
 * try (Connection c = db.connect()) { ... }
 * server.drop(db);
 * }</pre>
 *
 * <p>Every database Driftless creates has a name starting with {@code driftless_} and a signed ownership marker in
 * its comment; Driftless never copies, renames or drops a database whose marker does not verify. Databases left by
 * a run that ended without cleaning up (a JVM killed with {@code kill -9}) are removed by the next run on the same
 * server, and a template is never dropped while any run uses it. {@link #toString()} never shows a password.
 *
 * <p>Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    /**
     * The servers shared by every caller with the same configuration: deliberately static, because a server outlives
     * test classes and extension stores and must be stopped exactly once when the JVM ends, like Testcontainers' own
     * singletons.
     */
    private static final Map<ServerConfig, PostgresServer> SHARED = new ConcurrentHashMap<>();

    static {
        ServerAccess.register(server -> server.admin);
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stopShared, "driftless-shutdown"));
    }

    private final ServerHandle handle;
    private final ServerConfig config;
    private final DatabaseAdmin admin;
    private final String version;
    private final int majorVersion;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresServer(ServerHandle handle, ServerConfig config) {
        this.handle = handle;
        this.config = config;
        try {
            String[] versions = readVersions(handle);
            this.version = versions[0];
            this.majorVersion = Integer.parseInt(versions[1]) / 10000;
            this.admin = new DatabaseAdmin(handle, config, majorVersion);
        } catch (SQLException | RuntimeException e) {
            handle.close();
            if (e instanceof DriftlessException) {
                throw (DriftlessException) e;
            }
            throw new DriftlessException("Cannot read the version of " + handle.description() + ": " + e.getMessage(), e);
        }
        if (!goesAwayWithThisJvm()) {
            admin.removeLeftovers();
        }
    }

    private static String[] readVersions(ServerHandle handle) throws SQLException {
        try (Connection c = new Database(handle.adminDatabase(), handle.url(), handle.user(), handle.password()).connect();
             Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'),"
                     + " current_setting('server_version_num')")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
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
        return SHARED.computeIfAbsent(config, PostgresServer::start);
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
     * Creates a new, empty database owned by Driftless.
     *
     * @return the database, never {@code null}
     * @throws DriftlessException when the server refuses
     */
    public Database createDatabase() {
        return database(admin.create(OwnershipMarker.Kind.DATABASE, "-", false));
    }

    /**
     * Creates a new database as a copy of one of Driftless' template databases. Prefer
     * {@code Templates.of(server).get(key, initializer).newDatabase()}, which builds the template first.
     *
     * @param templateName the template's name; it must be a database Driftless created
     * @return the copy, never {@code null}
     * @throws DriftlessException when the template is not Driftless' own or the server refuses
     */
    public Database cloneDatabase(String templateName) {
        return database(admin.copy(templateName));
    }

    /**
     * Returns connection details for a database on this server: the server's URL (with all its parameters) pointed
     * at that database, and the server's credentials.
     *
     * @param name the database name
     * @return the database
     */
    public Database database(String name) {
        return new Database(name, handle.url(), handle.user(), handle.password());
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
        admin.dropInBackground(database.name());
    }

    /**
     * Drops a database that Driftless created, by name; see {@link #drop(Database)}.
     *
     * @param name the database name
     */
    public void drop(String name) {
        admin.drop(name);
    }

    /**
     * Keeps a database that Driftless created, for a person to inspect: neither this server's {@link #close()} nor a
     * later run drops it. It stays marked as Driftless' own, so {@link #drop(Database)} still removes it.
     *
     * @param database the database to keep
     */
    public void keep(Database database) {
        admin.keep(database.name());
    }

    /**
     * Lists the databases on this server whose ownership markers verify, templates included, whoever created them.
     *
     * @return their names, sorted
     */
    public Set<String> driftlessDatabases() {
        return admin.list();
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
        failures.addAll(admin.finish(!goesAwayWithThisJvm()));
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

    /** A throw-away embedded or Docker server: what is in it goes with it, so nothing needs dropping or cleaning. */
    private boolean goesAwayWithThisJvm() {
        return handle.kind() != ProviderKind.EXTERNAL && !config.reuse();
    }

    private static void stopShared() {
        List<PostgresServer> servers = new ArrayList<>(SHARED.values());
        SHARED.clear();
        for (PostgresServer server : servers) {
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop {} cleanly: {}", server, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + handle.description() + ", PostgreSQL " + version + "]";
    }
}
