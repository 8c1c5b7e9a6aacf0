package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.server.ServerConfig;
import dev.driftless.internal.server.OwnershipMarker.Kind;
import dev.driftless.sql.Quote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code DatabaseAdmin} is the one place where Driftless creates, copies, renames, marks and drops databases on a
 * server, and decides which databases are its own.
 *
 * <p><b>Ownership.</b> Every database it creates is named {@code driftless_...} and marked, right after
 * {@code CREATE DATABASE} and before anything else happens to it, with a signed {@link OwnershipMarker}. It copies,
 * renames or drops a database only when that marker verifies.
 *
 * <p><b>Lifetime.</b> Each {@code DatabaseAdmin} is a <em>run</em> with a random id. A dedicated session (the lease
 * session) holds, for as long as the run lasts, an exclusive advisory lock on the run id, and a shared advisory lock
 * on every template the run uses. PostgreSQL releases both when that session ends, however the JVM ends. So:
 * <ul>
 *   <li>databases and template builds of a run whose lock is free belong to a dead run and are removed by the next
 *   run ({@link #removeLeftovers()});</li>
 *   <li>a template is dropped only by a session that gets its advisory lock exclusively, which it cannot while any
 *   other run uses the template; a run takes its shared lock before it looks for the template, so a template is never
 *   dropped under a run that found it.</li>
 * </ul>
 * Runs coordinate through advisory locks of the database admin sessions connect to; the marker's {@code scope}
 * records which, and a run judges only markers of its own scope.
 */
public final class DatabaseAdmin implements AutoCloseable {

    /** Prefix of the name of every database Driftless creates. */
    public static final String NAME_PREFIX = "driftless_";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAdmin.class);
    private static final int RUN_LOCKS = 0x44524e31;    // "DRN1": a run is alive
    private static final int LEASE_LOCKS = 0x44544c31;  // "DTL1": a template is in use

    private final ServerHandle handle;
    private final PgUrl baseUrl;
    private final AdminConnections connections;
    private final OwnerKey key;
    private final int majorVersion;
    private final String cloneStrategy;
    private final String run = Secrets.randomToken(16);
    private final String scope;
    private final Object leaseMonitor = new Object();
    private final Connection leaseSession;
    private final Set<String> leased = new HashSet<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<Void>> pendingDrops = ConcurrentHashMap.newKeySet();
    private final Map<Class<?>, AutoCloseable> extensions = new ConcurrentHashMap<>();
    private final ExecutorService dropper = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "driftless-drop");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Opens the admin sessions of a server and starts a run.
     *
     * @param handle the server
     * @param config the configuration: the owner key ({@code driftless.owner.key} or the cache folder's) and the
     *     clone strategy
     * @param majorVersion the server's major version
     * @throws SQLException when the server refuses the lease session
     */
    public DatabaseAdmin(ServerHandle handle, ServerConfig config, int majorVersion) throws SQLException {
        this.handle = handle;
        this.baseUrl = handle.url();
        this.key = OwnerKey.load(config);
        this.majorVersion = majorVersion;
        this.cloneStrategy = config.cloneStrategy().name();
        this.connections = new AdminConnections(handle);
        this.scope = sha256(baseUrl.database() + "@" + handle.user()).substring(0, 16);
        this.leaseSession = connections.open();
        try {
            advisory(leaseSession, "pg_advisory_lock", RUN_LOCKS, lockKey(run));
        } catch (SQLException e) {
            connections.closeQuietly(leaseSession);
            throw e;
        }
    }

    /**
     * @return the lock space this run's advisory locks live in (a hash of the database its admin sessions connect to
     *     and the user): runs of different scopes cannot see each other's leases, so they never share a template
     */
    public String scope() {
        return scope;
    }

    /** @return the URL of the admin database; {@link PgUrl#withDatabase} points it at another */
    public PgUrl baseUrl() {
        return baseUrl;
    }

    /**
     * Creates an empty database, marked as this run's.
     *
     * @param kind what it is for
     * @param setup what a template is for, or {@code -}
     * @param persistent whether a template is kept for later runs
     * @return its name
     */
    public String create(Kind kind, String setup, boolean persistent) {
        return create(newName(kind == Kind.BUILD ? "build" : ""), null, new OwnershipMarker(kind, run, scope, setup,
                persistent));
    }

    /**
     * Creates a copy of a template, marked as this run's database.
     *
     * @param template the template's name; its marker must verify
     * @return the copy's name
     */
    public String copy(String template) {
        return create(newName(""), template, new OwnershipMarker(Kind.DATABASE, run, scope, "-", false));
    }

    private String create(String name, String template, OwnershipMarker marker) {
        try {
            connections.with(c -> {
                StringBuilder sql = new StringBuilder("CREATE DATABASE ").append(Quote.identifier(name));
                if (template != null) {
                    requireOwned(c, template, "copy");
                    sql.append(" TEMPLATE ").append(Quote.identifier(template));
                    if (majorVersion >= 15) {
                        sql.append(" STRATEGY ").append(cloneStrategy);
                    }
                }
                execute(c, sql.toString());
                created.add(name);
                try {
                    mark(c, name, marker);
                } catch (SQLException | RuntimeException e) {
                    // Unmarked, it would be a database no run could prove its own; it is ours, it was just made.
                    try {
                        execute(c, dropStatement(name));
                        created.remove(name);
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
                return null;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot create database " + name
                    + (template == null ? "" : " from template " + template) + " on " + handle.description() + ": "
                    + e.getMessage(), e);
        }
        return name;
    }

    /**
     * Renames a database of this run and marks it anew, for publishing a built template.
     *
     * @param from the current name
     * @param to the new name
     * @param kind the new kind
     */
    public void rename(String from, String to, Kind kind) {
        try {
            connections.with(c -> {
                OwnershipMarker marker = requireOwned(c, from, "rename");
                execute(c, "ALTER DATABASE " + Quote.identifier(from) + " RENAME TO " + Quote.identifier(to));
                created.remove(from);
                created.add(to);
                mark(c, to, marker.as(kind));
                return null;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot rename database " + from + " to " + to + " on " + handle.description()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops a database whose marker verifies, closing its connections first. A database that does not exist is no
     * error.
     *
     * @param name the database
     * @throws DriftlessException when it exists and is not provably Driftless'
     */
    public void drop(String name) {
        try {
            connections.with(c -> {
                if (!exists(c, name)) {
                    created.remove(name);
                    return null;
                }
                requireOwned(c, name, "drop");
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
     * Drops a database in the background; see {@link #drop(String)}. {@link #list()} and {@link #close()} wait for
     * pending drops; a failure is logged.
     *
     * @param name the database
     */
    public void dropInBackground(String name) {
        CompletableFuture<Void> drop = CompletableFuture.runAsync(() -> {
            try {
                drop(name);
            } catch (RuntimeException e) {
                LOG.warn("Could not drop {}: {}", name, e.getMessage());
            }
        }, dropper);
        pendingDrops.add(drop);
        drop.whenComplete((ignored, failure) -> pendingDrops.remove(drop));
    }

    /**
     * Marks a database of Driftless' as kept for a person to inspect: no run drops it on its own any more.
     *
     * @param name the database
     */
    public void keep(String name) {
        try {
            connections.with(c -> {
                mark(c, name, requireOwned(c, name, "keep").as(Kind.KEPT));
                created.remove(name);
                return null;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot mark database " + name + " as kept: " + e.getMessage(), e);
        }
    }

    /**
     * @return the names of the databases on the server whose markers verify, whoever made them, sorted
     */
    public Set<String> list() {
        awaitPendingDrops();
        Set<String> names = new TreeSet<>();
        for (Found found : found()) {
            if (found.marker.isPresent()) {
                names.add(found.name);
            }
        }
        return names;
    }

    /**
     * Tells what a database is, as far as Driftless can prove.
     *
     * @param name a database name
     * @return its marker when it exists and the marker verifies; empty when it does not exist
     * @throws DriftlessException when it exists but its marker does not verify (or it has none)
     */
    public Optional<OwnershipMarker> inspect(String name) {
        try {
            return connections.with(c -> exists(c, name) ? Optional.of(requireOwned(c, name, "use")) : Optional.empty());
        } catch (SQLException e) {
            throw new DriftlessException("Cannot read database " + name + " on " + handle.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Takes this run's shared lock on a template, before it looks for or builds it; waits while another run drops it.
     *
     * @param template the template's name
     */
    public void lease(String template) {
        synchronized (leaseMonitor) {
            if (leased.contains(template)) {
                return;
            }
            try {
                advisory(leaseSession, "pg_advisory_lock_shared", LEASE_LOCKS, lockKey(template));
                leased.add(template);
            } catch (SQLException e) {
                throw new DriftlessException("Cannot lock template " + template + " on " + handle.description() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Drops a template if no other run uses it (its advisory lock can be had exclusively).
     *
     * @param template the template
     * @return {@code true} when it was dropped
     */
    public boolean dropIfUnused(String template) {
        synchronized (leaseMonitor) {
            try {
                if (!tryAdvisory(leaseSession, "pg_try_advisory_lock", LEASE_LOCKS, lockKey(template))) {
                    return false;
                }
                try {
                    drop(template);
                    return true;
                } finally {
                    advisory(leaseSession, "pg_advisory_unlock", LEASE_LOCKS, lockKey(template));
                }
            } catch (SQLException e) {
                LOG.warn("Could not drop template {}: {}", template, e.getMessage());
                return false;
            }
        }
    }

    /**
     * Drops the templates of the same setup (made from other content) that no run uses: they are stale.
     *
     * @param setup the setup, as in the markers
     * @param current the template to keep
     * @return the names dropped
     */
    public List<String> dropStaleTemplates(String setup, String current) {
        List<String> dropped = new ArrayList<>();
        for (Found found : found()) {
            if (found.marker.isPresent() && !found.name.equals(current) && found.marker.get().kind() == Kind.TEMPLATE
                    && found.marker.get().scope().equals(scope) && found.marker.get().setup().equals(setup)
                    && !leasedByThisRun(found.name) && dropIfUnused(found.name)) {
                dropped.add(found.name);
            }
        }
        if (!dropped.isEmpty()) {
            LOG.info("Dropped {} stale template(s) of the same setup: {}", dropped.size(), dropped);
        }
        return dropped;
    }

    /**
     * Removes what dead runs of this scope left: their databases and template builds, and their throw-away
     * templates that no run uses. Kept databases and templates meant for reuse stay.
     *
     * @return the names removed
     */
    public List<String> removeLeftovers() {
        List<String> removed = new ArrayList<>();
        Map<String, Boolean> alive = new LinkedHashMap<>();
        for (Found found : found()) {
            if (found.marker.isEmpty() || !found.marker.get().scope().equals(scope)) {
                continue;
            }
            OwnershipMarker marker = found.marker.get();
            boolean leftover;
            if (marker.kind() == Kind.DATABASE || marker.kind() == Kind.BUILD) {
                leftover = !alive.computeIfAbsent(marker.run(), this::runAlive);
                if (leftover) {
                    try {
                        drop(found.name);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not remove {}, left by an earlier run: {}", found.name, e.getMessage());
                        leftover = false;
                    }
                }
            } else {
                leftover = marker.kind() == Kind.TEMPLATE && !marker.persistent()
                        && !alive.computeIfAbsent(marker.run(), this::runAlive) && dropIfUnused(found.name);
            }
            if (leftover) {
                removed.add(found.name);
            }
        }
        if (!removed.isEmpty()) {
            LOG.info("Removed {} database(s) left by runs that ended without cleaning up: {}", removed.size(), removed);
        }
        return removed;
    }

    /**
     * Runs work on a pooled admin session; for the template machinery (advisory locks of a build).
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws SQLException from the work
     */
    public <T> T withConnection(AdminConnections.Work<T> work) throws SQLException {
        return connections.with(work);
    }

    /**
     * Returns this run's instance of a piece of machinery that lives as long as the server (the templates), making it
     * on first use; {@link #finish(boolean)} closes it first.
     *
     * @param type its class
     * @param factory makes it
     * @param <T> its type
     * @return the one instance for this run
     */
    public <T extends AutoCloseable> T extension(Class<T> type, Supplier<T> factory) {
        return type.cast(extensions.computeIfAbsent(type, t -> factory.get()));
    }

    /**
     * Ends the run's work: closes its extensions, then drops what the run created, except templates kept for reuse,
     * and the throw-away templates it used that no other run uses.
     *
     * @param dropOwnDatabases {@code false} for servers that go away with this JVM, where dropping is wasted time
     * @return the failures, for the caller to report
     */
    public List<RuntimeException> finish(boolean dropOwnDatabases) {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable extension : extensions.values()) {
            try {
                extension.close();
            } catch (Exception e) {
                failures.add(e instanceof RuntimeException ? (RuntimeException) e
                        : new DriftlessException("Could not close " + extension + ": " + e.getMessage(), e));
            }
        }
        awaitPendingDrops();
        dropper.shutdown();
        if (dropOwnDatabases) {
            Set<String> templates;
            synchronized (leaseMonitor) {
                templates = new TreeSet<>(leased);
            }
            for (String name : new ArrayList<>(created)) {
                if (templates.contains(name)) {
                    continue;
                }
                try {
                    drop(name);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            for (String template : templates) {
                Optional<OwnershipMarker> marker = inspectQuietly(template);
                // Only a run of the template's own scope can see every lease on it.
                if (marker.isPresent() && !marker.get().persistent() && marker.get().scope().equals(scope)) {
                    dropIfUnused(template);
                }
            }
        }
        return failures;
    }

    private Optional<OwnershipMarker> inspectQuietly(String name) {
        try {
            return inspect(name);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        dropper.shutdown();
        synchronized (leaseMonitor) {
            connections.closeQuietly(leaseSession);
            leased.clear();
        }
        connections.close();
    }

    /** @return a new database name with Driftless' prefix, {@code driftless_} or {@code driftless_KIND_} */
    private static String newName(String kind) {
        return NAME_PREFIX + (kind.isEmpty() ? "" : kind + "_") + Secrets.randomToken(12);
    }

    private boolean leasedByThisRun(String name) {
        synchronized (leaseMonitor) {
            return leased.contains(name);
        }
    }

    private boolean runAlive(String otherRun) {
        if (otherRun.equals(run)) {
            return true;
        }
        try {
            return connections.with(c -> {
                if (!tryAdvisory(c, "pg_try_advisory_lock_shared", RUN_LOCKS, lockKey(otherRun))) {
                    return true;
                }
                advisory(c, "pg_advisory_unlock_shared", RUN_LOCKS, lockKey(otherRun));
                return false;
            });
        } catch (SQLException e) {
            return true;
        }
    }

    private void mark(Connection c, String name, OwnershipMarker marker) throws SQLException {
        long oid = oid(c, name).orElseThrow(() -> new SQLException("database " + name + " vanished while being marked"));
        execute(c, "COMMENT ON DATABASE " + Quote.identifier(name) + " IS " + Quote.literal(marker.encode(oid, key)));
    }

    private OwnershipMarker requireOwned(Connection c, String name, String action) throws SQLException {
        Optional<OwnershipMarker> marker = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT oid, shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && name.startsWith(NAME_PREFIX)) {
                    marker = OwnershipMarker.verify(rs.getString(2), rs.getLong(1), key);
                }
            }
        }
        if (marker.isPresent()) {
            return marker.get();
        }
        if (!name.startsWith(NAME_PREFIX)) {
            throw new DriftlessException("Refusing to " + action + " database '" + name + "': Driftless did not create"
                    + " it (its name lacks the '" + NAME_PREFIX + "' prefix). Driftless only ever changes databases it"
                    + " created itself.");
        }
        throw new DriftlessException("Refusing to " + action + " database '" + name + "': Driftless cannot prove that"
                + " it created it (its ownership marker is missing, or not signed with this machine's key)."
                + " Driftless only ever changes databases it created itself. If another machine's Driftless made it,"
                + " set " + DriftlessConfig.OWNER_KEY + " to that machine's key; otherwise drop it yourself.");
    }

    private List<Found> found() {
        try {
            return connections.with(c -> {
                List<Found> found = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT datname, oid, shobj_description(oid, 'pg_database') FROM pg_database"
                                + " WHERE starts_with(datname, " + Quote.literal(NAME_PREFIX) + ") ORDER BY datname")) {
                    while (rs.next()) {
                        found.add(new Found(rs.getString(1), OwnershipMarker.verify(rs.getString(3), rs.getLong(2), key)));
                    }
                }
                return found;
            });
        } catch (SQLException e) {
            throw new DriftlessException("Cannot list databases on " + handle.description() + ": " + e.getMessage(), e);
        }
    }

    private void awaitPendingDrops() {
        CompletableFuture.allOf(pendingDrops.toArray(new CompletableFuture<?>[0])).join();
    }

    private String dropStatement(String name) {
        return "DROP DATABASE IF EXISTS " + Quote.identifier(name) + (majorVersion >= 13 ? " WITH (FORCE)" : "");
    }

    private static Optional<Long> oid(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT oid FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        return oid(c, name).isPresent();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void advisory(Connection c, String function, int space, int key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?, ?)")) {
            ps.setInt(1, space);
            ps.setInt(2, key);
            ps.executeQuery().close();
        }
    }

    private static boolean tryAdvisory(Connection c, String function, int space, int key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?, ?)")) {
            ps.setInt(1, space);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static int lockKey(String name) {
        byte[] digest = sha256Bytes(name);
        return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A database with Driftless' name prefix, with its marker if that verifies. */
    private record Found(String name, Optional<OwnershipMarker> marker) {
    }

    /** @return this run's id, for tests */
    String run() {
        return run;
    }

    /** @return whether this run would call a run with that id alive, for tests */
    boolean isAlive(String otherRun) {
        return runAlive(otherRun);
    }

    /** Never shows a secret. */
    @Override
    public String toString() {
        return "DatabaseAdmin[" + handle.description() + ", run " + run + "]";
    }
}
