package dev.driftless.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code Watchdog} makes sure an embedded PostgreSQL server does not outlive the JVMs that use it, however they end
 * ({@code kill -9} included). It runs as a small process of its own, started before the server, and depends on
 * nothing but the JDK, so that it can run from a copy of this one class file.
 *
 * <ul>
 *   <li>{@code private FOLDER PG_CTL...}: the server belongs to one JVM, which holds this process's standard input.
 *   When the input ends, because the JVM closed it or died, the watchdog stops the server (if still running) and
 *   deletes its folder.</li>
 *   <li>{@code shared FOLDER PG_CTL...}: a reused server serves every JVM that holds a shared lock on
 *   {@code FOLDER/users.lock}. When none holds it any more, the watchdog takes {@code FOLDER/setup.lock} (so no JVM
 *   attaches meanwhile), stops the server cleanly and keeps the folder.</li>
 * </ul>
 *
 * <p>The same class holds the stopping and deleting the JVM itself uses on a normal close, so both paths follow one
 * set of rules.
 */
public final class Watchdog {

    /** The folder of a server's data directory, inside its server folder. */
    static final String DATA = "data";
    /** The file naming the processes that own a server folder. */
    static final String OWNER = "owner";
    /** The lock file every JVM using a reused server holds shared. */
    static final String USERS_LOCK = "users.lock";
    /** The lock file held while a reused server is being set up or stopped. */
    static final String SETUP_LOCK = "setup.lock";
    /** The file naming a reused server's watchdog, which removes it once it has stopped the server. */
    static final String RECORD = "watchdog";

    private Watchdog() {
    }

    /**
     * Runs the watchdog.
     *
     * @param args {@code private|shared FOLDER PG_CTL_COMMAND...}
     * @throws Exception when it cannot do its job; there is no one to tell but its own exit code
     */
    public static void main(String[] args) throws Exception {
        ignoreTerminalSignals();
        String mode = args[0];
        Path folder = Paths.get(args[1]);
        List<String> pgCtl = Arrays.asList(args).subList(2, args.length);
        if (mode.equals("private")) {
            InputStream in = System.in;
            byte[] buffer = new byte[64];
            while (in.read(buffer) >= 0) {
                // Nothing is ever sent: the end of the input is the signal.
            }
            stopServer(folder.resolve(DATA), pgCtl, "immediate");
            deleteTree(folder);
        } else {
            awaitLastUser(folder, pgCtl);
        }
    }

    private static void awaitLastUser(Path folder, List<String> pgCtl) throws IOException, InterruptedException {
        // The server runs by the time this watchdog starts; remember it, in case its pid file vanishes before it stops.
        Optional<ProcessHandle> known = postmaster(folder.resolve(DATA));
        try (RandomAccessFile users = new RandomAccessFile(folder.resolve(USERS_LOCK).toFile(), "rw");
             RandomAccessFile setup = new RandomAccessFile(folder.resolve(SETUP_LOCK).toFile(), "rw")) {
            FileChannel usersChannel = users.getChannel();
            FileChannel setupChannel = setup.getChannel();
            while (true) {
                FileLock noUsers = usersChannel.lock();
                FileLock settingUp = setupChannel.tryLock();
                if (settingUp != null) {
                    try {
                        stopServer(folder.resolve(DATA), pgCtl, "fast", known);
                    } finally {
                        // Still holding the set-up lock: a JVM that sets the server up after this sees no watchdog
                        // and starts one, rather than counting on this one, which is about to end.
                        Files.deleteIfExists(folder.resolve(RECORD));
                        settingUp.release();
                        noUsers.release();
                    }
                    return;
                }
                // A JVM is attaching right now: let it take its shared lock, then wait for it to leave.
                noUsers.release();
                Thread.sleep(200);
            }
        }
    }

    /**
     * Stops the server of a data directory, if one runs: {@code pg_ctl stop} in the given mode, then, if it still
     * runs after that, a kill of its postmaster.
     *
     * @param dataDirectory the data directory
     * @param pgCtl the command that runs {@code pg_ctl} (with any prefix it needs)
     * @param mode {@code fast} or {@code immediate}
     * @return {@code true} when a server was running
     */
    static boolean stopServer(Path dataDirectory, List<String> pgCtl, String mode) {
        return stopServer(dataDirectory, pgCtl, mode, Optional.empty());
    }

    /**
     * Stops a server as {@link #stopServer(Path, List, String)} does; when its {@code postmaster.pid} is gone (its
     * folder deleted under it), the postmaster this process saw earlier, if it still runs, the same process.
     */
    private static boolean stopServer(Path dataDirectory, List<String> pgCtl, String mode,
                                      Optional<ProcessHandle> known) {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        boolean pidFileGone = postmaster.isEmpty() && known.isPresent() && known.get().isAlive();
        if (pidFileGone) {
            postmaster = known;
        }
        if (postmaster.isEmpty()) {
            return false;
        }
        ProcessHandle process = postmaster.get();
        if (pgCtl.isEmpty() || pidFileGone) {
            // No pg_ctl of the right version at hand (an orphan of another JVM): SIGTERM, PostgreSQL's smart shutdown.
            process.destroy();
        } else {
            List<String> command = new ArrayList<>(pgCtl);
            command.addAll(List.of("stop", "-D", dataDirectory.toString(), "-m", mode, "-w", "-t", "30"));
            try {
                Process stop = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!stop.waitFor(40, TimeUnit.SECONDS)) {
                    stop.destroyForcibly();
                }
            } catch (IOException e) {
                // Fall through to the kill below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitExit(process, 10);
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(process, 10);
        }
        return true;
    }

    private static void awaitExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Still running: the caller decides what comes next.
        }
    }

    /**
     * Returns the running postmaster of a data directory, as its {@code postmaster.pid} names it.
     *
     * @param dataDirectory the data directory
     * @return the process, when the file exists and its process lives
     */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        List<String> lines = readLines(dataDirectory.resolve("postmaster.pid"));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                    .filter(p -> p.pid() != ProcessHandle.current().pid());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Tells whether a process recorded as {@code PID START_MILLIS} still lives: the same pid, started at the same
     * time (so that a recycled pid does not count).
     *
     * @param recorded the record, may be {@code null}
     * @return {@code true} while it lives
     */
    static boolean alive(String recorded) {
        if (recorded == null) {
            return false;
        }
        String[] parts = recorded.trim().split(" ");
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
            if (process.isEmpty() || !process.get().isAlive()) {
                return false;
            }
            Optional<Instant> started = process.get().info().startInstant();
            return parts.length < 2 || started.isEmpty()
                    || Math.abs(started.get().toEpochMilli() - Long.parseLong(parts[1])) < 2000;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Describes a process for {@link #alive(String)}.
     *
     * @param process the process
     * @return {@code PID START_MILLIS}
     */
    static String record(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Reads a small text file's lines.
     *
     * @param file the file
     * @return its lines, or none when it cannot be read
     */
    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Deletes a folder tree, or a file; nothing when it does not exist. Symbolic links are deleted, not followed.
     *
     * @param path the tree
     * @throws IOException when something in it cannot be deleted
     */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteTree(child);
                }
            } catch (NoSuchFileException gone) {
                return;
            }
        }
        Files.deleteIfExists(path);
    }

    /**
     * A watchdog outlives what it watches by design: a Ctrl-C, a hang-up or a TERM sent to the run it belongs to must
     * not stop it before it has cleaned up (where {@code setsid} exists it runs in a session of its own anyway; this
     * covers the rest). It ends on its own once its job is done. {@code sun.misc.Signal} is reached by reflection, so
     * that a JDK without it only loses this refinement.
     */
    private static void ignoreTerminalSignals() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object ignore = handler.getField("SIG_IGN").get(null);
            for (String name : new String[] {"INT", "HUP", "TERM"}) {
                signal.getMethod("handle", signal, handler)
                        .invoke(null, signal.getConstructor(String.class).newInstance(name), ignore);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not available here (or not on this platform): the watchdog still works, it only hears Ctrl-C.
        }
    }
}
