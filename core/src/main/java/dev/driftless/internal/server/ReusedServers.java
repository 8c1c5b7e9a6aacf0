package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.internal.SlowWait;
import dev.driftless.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reused embedded servers ({@code driftless.reuse=true}): one per major version in the cache folder
 * ({@code embedded-pg17/}), kept between runs with its templates, and shared by every JVM of this machine that uses it
 * at the same time.
 *
 * <ul>
 *   <li>{@code setup.lock} (exclusive) is held while a JVM checks, repairs, creates or starts the server, and by the
 *   watchdog while it stops it: so two JVMs on a cold cache never both run {@code initdb}; the second waits and then
 *   uses the server the first started.</li>
 *   <li>{@code users.lock} is held shared by every JVM that uses the server, for as long as it does; the operating
 *   system releases it when the JVM ends, {@code kill -9} included. The server's {@link Watchdog} stops the server
 *   when no JVM holds it any more.</li>
 *   <li>{@code initialized} is written once {@code initdb} succeeded; a folder without it (a run killed during
 *   {@code initdb}, or one written by an older Driftless) is set up afresh.</li>
 * </ul>
 */
final class ReusedServers {

    private static final Logger LOG = LoggerFactory.getLogger(ReusedServers.class);
    private static final String INITIALIZED = "initialized";

    /** This JVM's use of each reused server; file locks are per process, so one JVM holds each lock once. */
    private static final Map<Path, Attachment> ATTACHED = new HashMap<>();

    private ReusedServers() {
    }

    /**
     * Uses the reused server of a major version, starting it (and setting it up, or repairing it) when it does not
     * run.
     */
    static synchronized EmbeddedServer attach(int major, PostgresCommands commands, ServerConfig config) {
        Path cacheDir = config.cacheDir();
        Path folder = cacheDir.resolve("embedded-pg" + major);
        Attachment attachment = ATTACHED.get(folder);
        if (attachment == null || !attachment.isRunning()) {
            if (attachment != null) {
                attachment.release();
            }
            attachment = setUp(major, commands, cacheDir, folder);
            ATTACHED.put(folder, attachment);
        }
        attachment.users++;
        Attachment used = attachment;
        return EmbeddedServer.attached(major, attachment.port, attachment.password, () -> detach(folder, used));
    }

    private static synchronized void detach(Path folder, Attachment attachment) {
        if (attachment.users == 0) {
            return;
        }
        attachment.users--;
        if (attachment.users == 0) {
            attachment.release();
            ATTACHED.remove(folder, attachment);
        }
    }

    private static Attachment setUp(int major, PostgresCommands commands, Path cacheDir, Path folder) {
        String password = ReuseSecret.derive(ReuseSecret.load(cacheDir), "embedded-pg" + major);
        FileChannel users = null;
        try {
            Files.createDirectories(folder);
            users = FileChannel.open(folder.resolve(Watchdog.USERS_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            try (FileChannel setup = FileChannel.open(folder.resolve(Watchdog.SETUP_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = lock(setup, false, "waiting for another JVM to set up or stop the reused"
                         + " PostgreSQL " + major + " server in " + folder)) {
                FileLock using = lock(users, true, "waiting for the watchdog of the reused PostgreSQL " + major
                        + " server in " + folder + " to stop it");
                int port = startOrFind(major, commands, folder, password);
                ensureWatchdog(cacheDir, folder, commands);
                return new Attachment(users, using, port, password, folder.resolve(Watchdog.DATA));
            }
        } catch (IOException e) {
            close(users);
            throw new DriftlessException("Cannot use the reused PostgreSQL " + major + " server in " + folder + ": "
                    + e.getMessage() + ". Set " + DriftlessConfig.CACHE_DIR + " to a writable folder, or turn "
                    + DriftlessConfig.REUSE + " off.", e);
        } catch (RuntimeException e) {
            close(users);
            throw e;
        }
    }

    /** Finds the running server of the folder, or repairs and starts it; called with the setup lock held. */
    private static int startOrFind(int major, PostgresCommands commands, Path folder, String password)
            throws IOException {
        Path data = folder.resolve(Watchdog.DATA);
        boolean initialized = Files.isRegularFile(folder.resolve(INITIALIZED));
        Optional<ProcessHandle> running = Watchdog.postmaster(data);
        if (initialized && running.isPresent()) {
            Optional<Integer> port = portOf(data);
            if (port.isPresent() && answers(port.get(), password, data)) {
                LOG.debug("Using the reused PostgreSQL {} server on port {}", major, port.get());
                return port.get();
            }
        }
        if (running.isPresent()) {
            LOG.info("Stopping the reused PostgreSQL {} server in {}: it does not accept Driftless' password", major,
                    folder);
            Watchdog.stopServer(data, commands.pgCtl(), "fast");
        }
        if (!initialized) {
            if (Files.exists(data)) {
                LOG.info("Setting up the reused PostgreSQL {} server in {} afresh: its last set-up did not finish",
                        major, folder);
            }
            Watchdog.deleteTree(data);
            EmbeddedServer.initdb(commands, folder, password, major);
            EmbeddedServer.touch(folder.resolve(INITIALIZED));
        } else {
            EmbeddedServer.writeHba(data);
        }
        // No postmaster runs on this data directory now, so a leftover pid file is stale.
        Files.deleteIfExists(data.resolve("postmaster.pid"));
        return EmbeddedServer.run(commands, folder, major);
    }

    private static void ensureWatchdog(Path cacheDir, Path folder, PostgresCommands commands) {
        Path record = folder.resolve(Watchdog.RECORD);
        List<String> lines = Watchdog.readLines(record);
        if (!lines.isEmpty() && Watchdog.alive(lines.get(0))) {
            return;
        }
        Process watchdog = Watchdogs.startShared(cacheDir, folder, commands.pgCtl());
        try {
            Files.writeString(record, Watchdog.record(watchdog.toHandle()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not record the watchdog of {}: {}", folder, e.getMessage());
        }
    }

    private static Optional<Integer> portOf(Path data) {
        List<String> lines = Watchdog.readLines(data.resolve("postmaster.pid"));
        try {
            return lines.size() >= 4 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the server on a port is this folder's and accepts the password. */
    private static boolean answers(int port, String password, Path data) {
        SimpleDataSource dataSource = new SimpleDataSource("jdbc:postgresql://localhost:" + port + "/postgres",
                EmbeddedServer.SUPERUSER, password);
        dataSource.setLoginTimeout(10);
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            return Files.isSameFile(Path.of(rs.getString(1)), data);
        } catch (SQLException | IOException e) {
            return false;
        }
    }

    private static FileLock lock(FileChannel channel, boolean shared, String waitingFor) throws IOException {
        FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
        if (lock != null) {
            return lock;
        }
        try (SlowWait ignored = SlowWait.start(LOG, waitingFor)) {
            while (lock == null) {
                try {
                    TimeUnit.MILLISECONDS.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DriftlessException("Interrupted while " + waitingFor, e);
                }
                lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            }
        }
        return lock;
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; nothing else to do.
            }
        }
    }

    /** This JVM's hold on a reused server. */
    private static final class Attachment {
        private final FileChannel channel;
        private final FileLock lock;
        private final int port;
        private final String password;
        private final Path data;
        private int users;

        Attachment(FileChannel channel, FileLock lock, int port, String password, Path data) {
            this.channel = channel;
            this.lock = lock;
            this.port = port;
            this.password = password;
            this.data = data;
        }

        boolean isRunning() {
            return Watchdog.postmaster(data).isPresent();
        }

        void release() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // Closing the channel below releases it as well.
            }
            close(channel);
        }
    }
}
