package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The platform this JVM runs on, as far as zonky's PostgreSQL binaries care: operating system, processor
 * architecture and, on Linux, the C library (glibc or musl, as on Alpine). {@link #of} is a pure function of the
 * JVM's {@code os.name} and {@code os.arch} and of whether musl is the C library, so every platform can be tested
 * anywhere; {@link #current()} asks this machine.
 */
final class Platform {

    /** A way to a server without embedded binaries, for messages. */
    static final String DOCKER = "Docker (" + DriftlessConfig.PROVIDER + "=docker)";
    /** The other way to a server without embedded binaries, for messages. */
    static final String EXTERNAL = "a server you run (" + DriftlessConfig.JDBC_URL + ")";

    private final String osName;
    private final String osArch;
    private final boolean musl;
    /** zonky's name for the platform ({@code linux-amd64-alpine}), or {@code null} when zonky has no binaries for it. */
    private final String name;

    private Platform(String osName, String osArch, boolean musl, String name) {
        this.osName = osName;
        this.osArch = osArch;
        this.musl = musl;
        this.name = name;
    }

    /**
     * The platform named by a JVM's system properties.
     *
     * @param osName the {@code os.name} property ({@code Linux}, {@code Mac OS X}, {@code Windows 11}, ...)
     * @param osArch the {@code os.arch} property ({@code amd64}, {@code x86_64}, {@code aarch64}, ...)
     * @param musl whether the C library is musl (Alpine Linux); ignored on other systems than Linux
     * @return the platform, never {@code null}; {@link #name()} throws when zonky has no binaries for it
     */
    static Platform of(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows" : null;
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "amd64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : null;
        boolean linuxMusl = musl && "linux".equals(system);
        String name = null;
        if (system != null && cpu != null && !("windows".equals(system) && !cpu.equals("amd64"))) {
            name = system + "-" + cpu + (linuxMusl ? "-alpine" : "");
        }
        return new Platform(osName, osArch, linuxMusl, name);
    }

    /** @return this machine's platform */
    static Platform current() {
        String osName = System.getProperty("os.name");
        return of(osName, System.getProperty("os.arch"), osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && muslLibc(Paths.get("/")));
    }

    /**
     * Tells whether a Linux system's C library is musl: Alpine's release file, or musl's dynamic loader
     * ({@code /lib/ld-musl-x86_64.so.1}, {@code /lib/ld-musl-aarch64.so.1}).
     *
     * @param root the file system's root
     * @return whether musl is the C library
     */
    static boolean muslLibc(Path root) {
        if (Files.exists(root.resolve("etc/alpine-release"))) {
            return true;
        }
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(root.resolve("lib"), "ld-musl-*.so.1")) {
            return loaders.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns zonky's name of this platform, the suffix of its binaries' artifact id.
     *
     * @return {@code linux-amd64}, {@code linux-amd64-alpine}, {@code linux-arm64v8}, {@code linux-arm64v8-alpine},
     *         {@code darwin-amd64}, {@code darwin-arm64v8} or {@code windows-amd64}
     * @throws DriftlessException when zonky publishes no binaries for this platform, naming it and the ways out
     */
    String name() {
        if (name == null) {
            throw new DriftlessException("Driftless has no embedded PostgreSQL binaries for this platform: " + this
                    + ". zonky publishes them for Linux (amd64 and arm64, with glibc or musl), macOS (amd64 and"
                    + " arm64) and Windows (amd64). Use " + DOCKER + " or " + EXTERNAL + " instead.");
        }
        return name;
    }

    /** @return whether zonky publishes binaries for this platform at all */
    boolean supported() {
        return name != null;
    }

    /** @return the platform as people read it, from {@code os.name} and {@code os.arch}: {@code Linux on aarch64 with musl} */
    @Override
    public String toString() {
        return osName + " on " + osArch + (musl ? " with musl" : "");
    }
}
