package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.internal.SlowWait;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server run from zonky's embedded binaries, with test-speed settings, listening on loopback only.
 *
 * <p>The superuser's password is set by {@code initdb} itself ({@code --pwfile}, {@code --auth=scram-sha-256}), so
 * the server never accepts a connection without it, not even while it starts. Every server lives in a server folder
 * ({@code data/}, {@code server.log}, {@code owner}) watched by a {@link Watchdog} process, so that it does not
 * outlive its JVM however that ends; a later start removes folders whose JVM and watchdog are both gone.
 *
 * <p>A throw-away server ({@code reuse} off) belongs to one JVM and lives in memory ({@code /dev/shm}) where
 * possible. A reused server lives in the cache folder, keeps its templates between runs, and serves every JVM on this
 * machine that asks for it at the same time (see {@link ReusedServers}).
 */
public final class EmbeddedServer implements ServerHandle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    static final String SUPERUSER = "postgres";
    private static final String FOLDER_PREFIX = "driftless-pg-";
    private static final long MIN_FREE_MEMORY_BYTES = 2L * 1024 * 1024 * 1024;
    private static final long START_TIMEOUT_MILLIS = 120_000;

    private final int major;
    private final int port;
    private final String password;
    private final Runnable stopper;

    private EmbeddedServer(int major, int port, String password, Runnable stopper) {
        this.major = major;
        this.port = port;
        this.password = password;
        this.stopper = stopper;
    }

    /**
     * Starts a server.
     *
     * @param major the PostgreSQL major version
     * @param reuse whether to use (or start) the reused server of this major version in the cache folder
     * @param config where binaries, caches and data directories go
     * @return the running server
     * @throws DriftlessException when the version is unsupported or the server does not start
     */
    public static EmbeddedServer start(int major, boolean reuse, ServerConfig config) {
        PostgresCommands commands = PostgresCommands.of(EmbeddedBinaries.install(major, config));
        if (reuse) {
            return ReusedServers.attach(major, commands, config);
        }
        return startPrivate(major, commands, config);
    }

    private static EmbeddedServer startPrivate(int major, PostgresCommands commands, ServerConfig config) {
        Path parent = dataParent(config);
        reapOrphans(parent);
        Path cacheDir = config.cacheDir();
        Path folder;
        try {
            folder = Files.createTempDirectory(parent, FOLDER_PREFIX);
        } catch (IOException e) {
            throw new DriftlessException("Cannot create a folder for the embedded PostgreSQL server in " + parent + ": "
                    + e.getMessage() + ". Set " + DriftlessConfig.EMBEDDED_DATA_PARENT + " to a writable folder.", e);
        }
        Process watchdog = null;
        try {
            writeOwner(folder, "jvm=" + Watchdog.record(ProcessHandle.current()));
            watchdog = Watchdogs.startPrivate(cacheDir, folder, commands.pgCtl());
            writeOwner(folder, "jvm=" + Watchdog.record(ProcessHandle.current()) + "\nwatchdog="
                    + Watchdog.record(watchdog.toHandle()));
            String password = Secrets.newPassword();
            initdb(commands, folder, password, major);
            int port = run(commands, folder, major);
            Process lifeline = watchdog;
            Path data = folder.resolve(Watchdog.DATA);
            return new EmbeddedServer(major, port, password, () -> {
                Watchdog.stopServer(data, commands.pgCtl(), "immediate");
                try {
                    Watchdog.deleteTree(folder);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}; its watchdog tries again.", folder, e.getMessage());
                }
                Watchdogs.release(lifeline);
            });
        } catch (RuntimeException e) {
            Watchdog.stopServer(folder.resolve(Watchdog.DATA), commands.pgCtl(), "immediate");
            try {
                Watchdog.deleteTree(folder);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (watchdog != null) {
                Watchdogs.release(watchdog);
            }
            throw e;
        }
    }

    /** Creates a reused server's handle; for {@link ReusedServers}. */
    static EmbeddedServer attached(int major, int port, String password, Runnable detach) {
        return new EmbeddedServer(major, port, password, detach);
    }

    /**
     * Runs {@code initdb} with the superuser's password from a file that only this user can read, and allows only
     * password logins over loopback.
     */
    static void initdb(PostgresCommands commands, Path folder, String password, int major) {
        Path data = folder.resolve(Watchdog.DATA);
        Path passwordFile = folder.resolve("password");
        try {
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile);
            restrictToOwner(passwordFile);
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(commands.initdb());
            command.addAll(List.of("-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256", "-E", "UTF-8", "--locale=C", "--no-sync", "--no-instructions"));
            Path log = folder.resolve("initdb.log");
            Process initdb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished;
            try (SlowWait ignored = SlowWait.start(LOG, "setting up the data directory of the embedded PostgreSQL "
                    + major + " server in " + data + " (initdb)")) {
                finished = initdb.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (!finished) {
                initdb.destroyForcibly();
                throw new DriftlessException("initdb of the embedded PostgreSQL " + major + " server took longer than "
                        + START_TIMEOUT_MILLIS / 1000 + " s in " + data + ".");
            }
            if (initdb.exitValue() != 0) {
                throw new DriftlessException("initdb of the embedded PostgreSQL " + major + " server failed (exit "
                        + initdb.exitValue() + "):\n" + tail(log) + "\nSet " + DriftlessConfig.EMBEDDED_DATA_PARENT
                        + " to another folder, or use the docker provider (driftless.provider=docker).");
            }
            writeHba(data);
        } catch (IOException e) {
            throw new DriftlessException("Cannot run initdb for the embedded PostgreSQL " + major + " server in " + data
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("Interrupted while initdb set up the embedded PostgreSQL server", e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", passwordFile, e.getMessage());
            }
        }
    }

    /** Loopback only, password (SCRAM) only: written before every start, so an older file never lingers. */
    static void writeHba(Path data) {
        String hba = "# Written by Driftless: loopback only, passwords only.\n"
                + "local all all scram-sha-256\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n"
                + "host all all ::1/128 scram-sha-256\n";
        try {
            Path partial = data.resolve("pg_hba.conf.part");
            Files.writeString(partial, hba, StandardCharsets.UTF_8);
            Files.move(partial, data.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + data, e);
        }
    }

    /**
     * Starts the postmaster of a server folder on a free loopback port and waits until it accepts connections.
     *
     * @return the port
     */
    static int run(PostgresCommands commands, Path folder, int major) {
        Path data = folder.resolve(Watchdog.DATA);
        Path log = folder.resolve("server.log");
        DriftlessException lastFailure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            List<String> command = new ArrayList<>(commands.postgres());
            command.addAll(List.of("-D", data.toString(), "-p", Integer.toString(port)));
            for (Map.Entry<String, String> setting : settings().entrySet()) {
                command.add("-c");
                command.add(setting.getKey() + "=" + setting.getValue());
            }
            try {
                long logStart = Files.exists(log) ? Files.size(log) : 0;
                Process postmaster = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                boolean ready;
                try (SlowWait ignored = SlowWait.start(LOG, "starting the embedded PostgreSQL " + major + " server in "
                        + data)) {
                    ready = awaitReady(postmaster, data);
                }
                if (ready) {
                    return port;
                }
                String output = tail(log, logStart);
                lastFailure = new DriftlessException("The embedded PostgreSQL " + major + " server did not start in "
                        + data + ":\n" + output + "\nIf another process holds this data directory, stop it; otherwise"
                        + " try the docker provider (driftless.provider=docker).");
                if (!output.contains("could not bind") && !output.contains("Address already in use")) {
                    break;
                }
            } catch (IOException e) {
                throw new DriftlessException("Cannot run " + command.get(command.size() - 1) + ": " + e.getMessage(), e);
            }
        }
        throw lastFailure;
    }

    /** Server settings for tests: durability off (the data is disposable or rebuilt), loopback only. */
    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "localhost");
        settings.put("unix_socket_directories", "");
        settings.put("fsync", "off");
        settings.put("full_page_writes", "off");
        settings.put("synchronous_commit", "off");
        settings.put("wal_level", "minimal");
        settings.put("max_wal_senders", "0");
        settings.put("max_wal_size", "1GB");
        settings.put("autovacuum", "off");
        settings.put("jit", "off");
        settings.put("max_connections", "300");
        // Dynamic shared memory in files of the data directory, which go with it, rather than in /dev/shm, where a
        // killed server would leave them.
        settings.put("dynamic_shared_memory_type", "mmap");
        settings.put("logging_collector", "off");
        return settings;
    }

    /** Waits until {@code postmaster.pid} says "ready", or the postmaster exits, or the time is up. */
    private static boolean awaitReady(Process postmaster, Path data) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        Path pidFile = data.resolve("postmaster.pid");
        while (System.currentTimeMillis() < deadline) {
            List<String> lines = Watchdog.readLines(pidFile);
            if (lines.size() >= 8 && lines.get(7).trim().equals("ready")
                    && lines.get(0).trim().equals(Long.toString(postmaster.pid()))) {
                return true;
            }
            if (!postmaster.isAlive()) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                postmaster.destroyForcibly();
                return false;
            }
        }
        postmaster.destroyForcibly();
        return false;
    }

    /**
     * Removes the server folders of dead JVMs in a parent folder: those whose owner file names a JVM and a watchdog
     * that both no longer run (a watchdog that lives is still doing this job). Folders without an owner file are
     * not Driftless' to judge and are left alone.
     */
    static void reapOrphans(Path parent) {
        try (var folders = Files.newDirectoryStream(parent, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                Map<String, String> owner = readOwner(folder);
                if (owner.isEmpty() || Watchdog.alive(owner.get("jvm")) || Watchdog.alive(owner.get("watchdog"))) {
                    continue;
                }
                Watchdog.stopServer(folder.resolve(Watchdog.DATA), List.of(), "immediate");
                Watchdog.deleteTree(folder);
                LOG.info("Removed {}, left by a JVM that ended without stopping its embedded server", folder);
            }
        } catch (IOException e) {
            LOG.debug("Could not look for orphaned servers in {}: {}", parent, e.getMessage());
        }
    }

    private static void writeOwner(Path folder, String text) {
        try {
            Path partial = folder.resolve(Watchdog.OWNER + ".part");
            Files.writeString(partial, text + "\n", StandardCharsets.UTF_8);
            Files.move(partial, folder.resolve(Watchdog.OWNER), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the owner file of " + folder, e);
        }
    }

    private static Map<String, String> readOwner(Path folder) {
        Map<String, String> owner = new LinkedHashMap<>();
        for (String line : Watchdog.readLines(folder.resolve(Watchdog.OWNER))) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                owner.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return owner;
    }

    /**
     * The parent of throw-away server folders: in memory (/dev/shm) where the system has one with room to spare,
     * since copying a template creates a file per relation and on a virtual disk that costs ten times more; elsewhere,
     * or when {@code driftless.embedded.data.parent} says so, that folder or the temporary folder.
     */
    private static Path dataParent(ServerConfig config) {
        Path parent = config.dataParent().orElseGet(() -> {
            Path shm = Path.of("/dev/shm");
            try {
                if (Files.isDirectory(shm) && Files.isWritable(shm)
                        && Files.getFileStore(shm).getUsableSpace() >= MIN_FREE_MEMORY_BYTES) {
                    return shm;
                }
            } catch (IOException e) {
                // Fall back to the temporary folder below.
            }
            return Path.of(System.getProperty("java.io.tmpdir"));
        });
        try {
            return Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DriftlessException("Cannot create " + parent + " for the embedded PostgreSQL server: "
                    + e.getMessage() + ". Set " + DriftlessConfig.EMBEDDED_DATA_PARENT + " to a writable folder.", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DriftlessException("Cannot find a free port on loopback for the embedded server: " + e.getMessage(), e);
        }
    }

    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile and temporary folders are private already.
        }
    }

    private static String tail(Path log) {
        return tail(log, 0);
    }

    private static String tail(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            String text = new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                    StandardCharsets.UTF_8).strip();
            List<String> lines = text.lines().toList();
            return "  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "  (no output in " + log + ")";
        }
    }

    static void touch(Path file) {
        try {
            Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.EMBEDDED;
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String adminDatabase() {
        return "postgres";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + major + " on localhost:" + port;
    }

    @Override
    public void close() {
        stopper.run();
    }
}
