package dev.driftless.internal.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Where the {@code .txz} of a {@link BinaryArtifact} is: inside zonky's jar (from the local Maven repository or on the
 * class path), or as a plain file in an unpacked class path folder.
 *
 * @param artifact what the archive holds; its release is the one of the jar found
 * @param file the jar, or the {@code .txz} itself
 * @param origin where it was found, for messages: {@code the class path}, {@code the local Maven repository}
 */
record BinaryArchive(BinaryArtifact artifact, Path file, String origin) {

    private static final String TXZ = ".txz";

    /**
     * Finds the artifact's jar on a class path, when the user's project declares it: the jar (or folder) holding
     * {@code META-INF/maven/io.zonky.test.postgres/<artifactId>/pom.properties} whose version has the wanted major.
     *
     * @param wanted the artifact; only its platform and major count (any release of that major is taken)
     * @param loader the class loader to search
     * @return the archive, or empty when the class path has none of that platform and major
     */
    static Optional<BinaryArchive> onClassPath(BinaryArtifact wanted, ClassLoader loader) {
        try {
            Enumeration<URL> poms = loader.getResources("META-INF/maven/" + BinaryArtifact.GROUP_ID + "/"
                    + wanted.artifactId() + "/pom.properties");
            while (poms.hasMoreElements()) {
                URL pom = poms.nextElement();
                Properties properties = new Properties();
                try (InputStream in = pom.openStream()) {
                    properties.load(in);
                }
                String version = properties.getProperty("version", "");
                if (version.startsWith(wanted.major() + ".")) {
                    Optional<Path> file = container(pom);
                    if (file.isPresent()) {
                        return Optional.of(new BinaryArchive(new BinaryArtifact(wanted.major(), version,
                                wanted.platform()), file.get(), "the class path"));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class path", e);
        }
    }

    /** The jar of a {@code jar:file:...!/} URL, or the {@code .txz} beside the {@code META-INF} of a class folder. */
    private static Optional<Path> container(URL pom) throws IOException {
        try {
            if ("jar".equals(pom.getProtocol())) {
                URL jar = ((JarURLConnection) pom.openConnection()).getJarFileURL();
                return "file".equals(jar.getProtocol()) ? Optional.of(Paths.get(jar.toURI())) : Optional.empty();
            }
            if ("file".equals(pom.getProtocol())) {
                Path root = Paths.get(pom.toURI()).getParent().getParent().getParent().getParent().getParent();
                try (DirectoryStream<Path> txz = Files.newDirectoryStream(root, "*" + TXZ)) {
                    for (Path file : txz) {
                        return Optional.of(file);
                    }
                }
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
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
     * @throws IOException when the jar is damaged ({@link ZipException}) or holds no {@code .txz}
     */
    InputStream openTxz() throws IOException {
        if (file.getFileName().toString().endsWith(TXZ)) {
            return Files.newInputStream(file);
        }
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(TXZ)).findFirst()
                    .orElseThrow(() -> new ZipException("it holds no " + TXZ + " archive"));
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
