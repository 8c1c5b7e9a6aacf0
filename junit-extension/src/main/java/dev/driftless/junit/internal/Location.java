package dev.driftless.junit.internal;

import dev.driftless.DriftlessException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code Location} is a schema, migration or fixture location of a {@code @MigratedDatabase}, resolved to a file or a
 * class path resource, in the form core's readers take.
 */
public final class Location {

    private static final String CLASSPATH = "classpath:";

    private final String written;
    private final String resolved;
    private final Path file;
    private final String resource;

    private Location(String written, String resolved, Path file, String resource) {
        this.written = written;
        this.resolved = resolved;
        this.file = file;
        this.resource = resource;
    }

    /**
     * Resolves a location: {@code classpath:x} on the class path; a file path relative to the working directory, then
     * to the module's base directory (the {@code basedir} system property Maven sets), then on the class path.
     *
     * @param attribute the annotation attribute, for the message
     * @param location the location as written
     * @param owner what declares it, for the message
     * @return the resolved location
     * @throws DriftlessException listing every place searched when nothing is found
     */
    public static Location resolve(String attribute, String location, String owner) {
        List<String> searched = new ArrayList<>();
        ClassLoader loader = classLoader();
        if (location.startsWith(CLASSPATH)) {
            String name = trimLeadingSlashes(location.substring(CLASSPATH.length()));
            searched.add(name + " (class path)");
            if (loader.getResource(name) != null) {
                return new Location(location, CLASSPATH + name, null, name);
            }
            throw missing(attribute, location, owner, searched);
        }
        Path path = Path.of(location);
        Path workingDir = Path.of("").toAbsolutePath();
        Path candidate = workingDir.resolve(path).normalize();
        searched.add(candidate + " (file, relative to the working directory)");
        if (Files.exists(candidate)) {
            return new Location(location, location, candidate, null);
        }
        String basedir = System.getProperty("basedir");
        if (!path.isAbsolute() && basedir != null && !Path.of(basedir).toAbsolutePath().equals(workingDir)) {
            Path inModule = Path.of(basedir).toAbsolutePath().resolve(path).normalize();
            searched.add(inModule + " (file, relative to the module base directory)");
            if (Files.exists(inModule)) {
                return new Location(location, inModule.toString(), inModule, null);
            }
        }
        if (!path.isAbsolute()) {
            String name = trimLeadingSlashes(location.replace('\\', '/'));
            searched.add(name + " (class path)");
            if (loader.getResource(name) != null) {
                return new Location(location, CLASSPATH + name, null, name);
            }
        }
        throw missing(attribute, location, owner, searched);
    }

    private static DriftlessException missing(String attribute, String location, String owner, List<String> searched) {
        return new DriftlessException("@MigratedDatabase(" + attribute + " = \"" + location + "\") on " + owner
                + ": nothing exists at '" + location + "'. Searched:\n  " + String.join("\n  ", searched)
                + "\nCheck the spelling. A file path is relative to the module's base directory; a 'classpath:' location"
                + " is looked up on the test class path (src/test/resources, src/main/resources).");
    }

    /** @return the location as the user wrote it */
    public String written() {
        return written;
    }

    /** @return the location for core's readers: a file path or {@code classpath:name} */
    public String resolved() {
        return resolved;
    }

    /** @return the location for the seed module's {@code Fixture.of}: a file path or a resource name */
    public String forFixture() {
        return file != null ? file.toString() : resource;
    }

    /** @return whether it names a {@code .sql} file */
    public boolean isSql() {
        return written.toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
    }

    /**
     * Returns the bytes behind this location, for a template key: a file's content, every file of a folder (sorted by
     * path), or a class path resource (for a CSV dataset folder, its {@code table-ordering.txt} and the files it names).
     *
     * @return the content, labelled
     */
    public List<Content> contents() {
        List<Content> contents = new ArrayList<>();
        try {
            if (file != null) {
                if (Files.isDirectory(file)) {
                    try (Stream<Path> walk = Files.walk(file)) {
                        for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                            contents.add(new Content(file.relativize(p).toString(), Files.readAllBytes(p)));
                        }
                    }
                } else {
                    contents.add(new Content(written, Files.readAllBytes(file)));
                }
                return contents;
            }
            ClassLoader loader = classLoader();
            String folder = resource.endsWith("/") ? resource : resource + "/";
            Optional<byte[]> ordering = read(loader, folder + "table-ordering.txt");
            if (ordering.isPresent()) {
                contents.add(new Content("table-ordering.txt", ordering.get()));
                for (String table : new String(ordering.get(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                    if (!table.isBlank()) {
                        read(loader, folder + table.trim() + ".csv")
                                .ifPresent(bytes -> contents.add(new Content(table.trim() + ".csv", bytes)));
                    }
                }
            } else {
                read(loader, resource).ifPresent(bytes -> contents.add(new Content(written, bytes)));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + written + " for the template key", e);
        }
    }

    private static Optional<byte[]> read(ClassLoader loader, String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(in.readAllBytes());
        }
    }

    private static String trimLeadingSlashes(String name) {
        String trimmed = name;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Location.class.getClassLoader();
    }

    @Override
    public String toString() {
        return written;
    }

    /**
     * One labelled input of a template key.
     *
     * @param label where it came from
     * @param bytes its content
     */
    public record Content(String label, byte[] bytes) {
    }
}
