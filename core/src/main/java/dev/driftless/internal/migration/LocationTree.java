package dev.driftless.internal.migration;

import dev.driftless.migration.MigrationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code LocationTree} is the set of files found at a migration location, a folder on disk, a folder on the class
 * path (in a directory or a jar), or a single file, each with its path relative to the location.
 */
public final class LocationTree {

    /** Prefix of class path locations. */
    public static final String CLASSPATH = "classpath:";

    private final String location;
    private final boolean singleFile;
    private final List<TreeEntry> entries;

    private LocationTree(String location, boolean singleFile, List<TreeEntry> entries) {
        this.location = location;
        this.singleFile = singleFile;
        this.entries = entries;
    }

    /**
     * Resolves a location: {@code classpath:db/migrations} on the class path; any other text as a file path, then, if
     * no such file exists, on the class path.
     *
     * @param location the location as the user wrote it
     * @param loader the class loader for class path locations
     * @return the files found
     * @throws MigrationException when nothing exists there; the message lists every place searched
     */
    public static LocationTree resolve(String location, ClassLoader loader) {
        List<String> searched = new ArrayList<>();
        if (location.startsWith(CLASSPATH)) {
            String resource = trimSlashes(location.substring(CLASSPATH.length()));
            while (resource.startsWith("/")) {
                resource = resource.substring(1);
            }
            String classpathResource = resource;
            return fromClassPath(location, classpathResource, loader, searched)
                    .orElseThrow(() -> missing(location, searched));
        }
        Path path = Path.of(location);
        searched.add(path.toAbsolutePath().normalize() + " (file system)");
        if (Files.exists(path)) {
            return fromPath(location, path, trimSlashes(location));
        }
        return fromClassPath(location, trimSlashes(location), loader, searched)
                .orElseThrow(() -> missing(location, searched));
    }

    private static MigrationException missing(String location, List<String> searched) {
        return new MigrationException("No migrations found at '" + location + "': nothing exists there. Searched:\n  "
                + String.join("\n  ", searched)
                + "\nCheck the spelling; a file path is resolved against the working directory "
                + Path.of("").toAbsolutePath() + ", a 'classpath:' location against the class path.");
    }

    private static Optional<LocationTree> fromClassPath(String location, String resource, ClassLoader loader,
                                                        List<String> searched) {
        searched.add(CLASSPATH + resource + " (class path)");
        URL url = loader.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        String display = CLASSPATH + resource;
        try {
            if ("file".equals(url.getProtocol())) {
                return Optional.of(fromPath(location, Path.of(url.toURI()), display));
            }
            if ("jar".equals(url.getProtocol())) {
                return Optional.of(fromJar(location, (JarURLConnection) url.openConnection(), resource, display));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migrations at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected class path URL " + url, e);
        }
        throw new MigrationException("Migrations at '" + location + "' are at " + url + "; only folders and jars on the"
                + " class path can be read. Copy them to a folder and pass its path.");
    }

    private static LocationTree fromPath(String location, Path root, String display) {
        if (Files.isRegularFile(root)) {
            return new LocationTree(location, true,
                    List.of(TreeEntry.ofFile(root.getFileName().toString(), display, root)));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<TreeEntry> entries = walk.filter(Files::isRegularFile)
                    .map(p -> {
                        String relative = root.relativize(p).toString().replace('\\', '/');
                        return TreeEntry.ofFile(relative, display + "/" + relative, p);
                    })
                    .sorted()
                    .collect(Collectors.toList());
            return new LocationTree(location, false, Collections.unmodifiableList(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations in " + root, e);
        }
    }

    private static LocationTree fromJar(String location, JarURLConnection connection, String resource, String display)
            throws IOException {
        connection.setUseCaches(false);
        List<TreeEntry> entries = new ArrayList<>();
        boolean singleFile = false;
        try (JarFile jar = connection.getJarFile()) {
            JarEntry exact = jar.getJarEntry(resource);
            if (exact != null && !exact.isDirectory()) {
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                entries.add(TreeEntry.ofText(name, display, read(jar, exact)));
                singleFile = true;
            } else {
                String prefix = resource + "/";
                Enumeration<JarEntry> all = jar.entries();
                while (all.hasMoreElements()) {
                    JarEntry entry = all.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        String relative = entry.getName().substring(prefix.length());
                        entries.add(TreeEntry.ofText(relative, display + "/" + relative, read(jar, entry)));
                    }
                }
            }
        }
        Collections.sort(entries);
        return new LocationTree(location, singleFile, Collections.unmodifiableList(entries));
    }

    private static String read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String trimSlashes(String path) {
        String p = path;
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** @return the location as the user wrote it */
    public String location() {
        return location;
    }

    /** @return {@code true} when the location is one file rather than a folder */
    public boolean isSingleFile() {
        return singleFile;
    }

    /** @return every file, sorted by relative path */
    public List<TreeEntry> entries() {
        return entries;
    }

    /**
     * @param relativePath a path relative to the location, with {@code /} separators
     * @return the file at that path, if any
     */
    public Optional<TreeEntry> find(String relativePath) {
        return entries.stream().filter(e -> e.relativePath().equals(relativePath)).findFirst();
    }
}
