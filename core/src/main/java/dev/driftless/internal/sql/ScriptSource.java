package dev.driftless.internal.sql;

import dev.driftless.internal.resource.TextFiles;
import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;
import dev.driftless.resource.ResourceException;
import dev.driftless.sql.ScriptException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ScriptSource} is where a script's text came from (a file, a class path resource or memory), its display name,
 * its text (byte order mark stripped), the SHA-256 of its bytes and the line its text starts on. It resolves
 * {@code \i}/{@code \ir} paths relative to itself. Files and resources are found through {@link Location} and read as
 * every {@link Resource} is. Immutable.
 */
public final class ScriptSource {

    /** The prefix of class path locations. */
    public static final String CLASSPATH = Location.CLASSPATH;

    private final String name;
    private final String content;
    private final String checksum;
    private final Path file;
    private final String resource;
    private final Path baseDirectory;
    private final int firstLine;

    private ScriptSource(String name, String content, String checksum, Path file, String resource, Path baseDirectory,
            int firstLine) {
        this.name = name;
        this.content = content;
        this.checksum = checksum;
        this.file = file;
        this.resource = resource;
        this.baseDirectory = baseDirectory;
        this.firstLine = firstLine;
    }

    /**
     * Reads a script at a location.
     *
     * @param location {@code classpath:path/in/jar.sql}, or a file path (optionally {@code filesystem:path}); looked
     *     up as every {@link Location} is
     * @return the script
     * @throws ScriptException when it cannot be found or read, or is not UTF-8
     */
    public static ScriptSource at(String location) {
        Objects.requireNonNull(location, "location");
        return of(Location.of(location));
    }

    /**
     * Reads the script a location names.
     *
     * @param location the location
     * @return the script
     * @throws ScriptException when it cannot be found or read, or is not UTF-8
     */
    public static ScriptSource of(Location location) {
        Resource resource;
        try {
            resource = location.file("script");
        } catch (ResourceException e) {
            throw asScriptException(e);
        }
        return of(resource);
    }

    /**
     * Reads a script from a resource found at a location.
     *
     * @param resource the resource
     * @return the script
     * @throws ScriptException when it cannot be read or is not UTF-8
     */
    public static ScriptSource of(Resource resource) {
        try {
            String text = resource.text();
            // A class path resource resolves its includes on the class path, even when it lies in a folder on disk.
            String classpathName = resource.classpathName().orElse(null);
            return new ScriptSource(resource.name(), text, resource.checksum(),
                    classpathName == null ? resource.file().orElse(null) : null, classpathName, null, 1);
        } catch (ResourceException e) {
            throw asScriptException(e);
        }
    }

    /**
     * Reads a script file.
     *
     * @param file the file
     * @param name the name to show in messages
     * @return the script
     * @throws ScriptException when it is missing, no regular file, unreadable, not UTF-8 or holds a NUL byte
     */
    public static ScriptSource file(Path file, String name) {
        try {
            TextFiles.Read read = TextFiles.read(file, name);
            return new ScriptSource(name, read.text(), sha256(read.bytes()), file, null, null, 1);
        } catch (ResourceException e) {
            throw asScriptException(e);
        }
    }

    /**
     * A problem reading a script is a script's problem: the same message, file, line and column.
     *
     * @param e the problem
     * @return it as a script exception
     */
    public static ScriptException asScriptException(ResourceException e) {
        return new ScriptException(e.getMessage(), e.resource(), e.line(), e.column(), null, e);
    }

    private static ScriptSource resource(String resource, String name) {
        try {
            Resource found = Location.of(CLASSPATH + resource).file("script");
            return new ScriptSource(name, found.text(), found.checksum(), null, resource, null, 1);
        } catch (ResourceException e) {
            throw asScriptException(e);
        }
    }

    /**
     * Makes an in-memory script.
     *
     * @param name the name to show in messages
     * @param sql its text
     * @param firstLine the line number of its first line in the file it was cut from (1 for a whole file)
     * @return the script
     * @throws ScriptException when the text holds a NUL character, which no script can send to the server
     */
    public static ScriptSource inMemory(String name, String sql, int firstLine) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be at least 1, was " + firstLine);
        }
        String content;
        try {
            content = TextFiles.checkText(sql, name, firstLine);
        } catch (ResourceException e) {
            throw asScriptException(e);
        }
        return new ScriptSource(name, content, sha256(sql.getBytes(StandardCharsets.UTF_8)), null, null, null,
                firstLine);
    }

    /**
     * @param directory where {@code \i} paths of an in-memory script are resolved
     * @return a copy with that base directory
     */
    public ScriptSource withBaseDirectory(Path directory) {
        return new ScriptSource(name, content, checksum, file, resource, Objects.requireNonNull(directory, "directory"),
                firstLine);
    }

    /** @return the display name */
    public String name() {
        return name;
    }

    /** @return the text, byte order mark stripped */
    public String content() {
        return content;
    }

    /** @return the SHA-256 of the bytes, lower-case hex */
    public String checksum() {
        return checksum;
    }

    /** @return the line number of the text's first line */
    public int firstLine() {
        return firstLine;
    }

    /** @return the base directory set for includes, if any */
    public Optional<Path> baseDirectory() {
        return Optional.ofNullable(baseDirectory);
    }

    /** @return an identity for cycle detection: the real file, the resource or the name */
    public String identity() {
        if (file != null) {
            try {
                return file.toRealPath().toString();
            } catch (IOException e) {
                return file.toAbsolutePath().normalize().toString();
            }
        }
        return resource != null ? CLASSPATH + resource : "memory:" + name;
    }

    /**
     * Finds a script named by {@code \i} or {@code \ir} in this one. {@code \i} looks in the base directory, this
     * script's folder (or class path package, then the class path root), then the working directory; {@code \ir}
     * only relative to this script (an in-memory script: its base directory, then the working directory).
     *
     * @param path the path as written
     * @param relativeToThis {@code true} for {@code \ir}
     * @param tried receives each place looked at, for the message when none holds it
     * @return the script at the first place that holds a file (or a link, a folder, a pipe, ...) of that name, empty
     *     when none does
     * @throws ScriptException when what is found there is no readable UTF-8 text file
     */
    public Optional<ScriptSource> include(String path, boolean relativeToThis, List<String> tried) {
        // candidates in order; class path resources carry the classpath: prefix
        List<String> candidates = new ArrayList<>();
        if (Path.of(path).isAbsolute()) {
            candidates.add(path);
        } else {
            if (!relativeToThis && baseDirectory != null) {
                candidates.add(baseDirectory.resolve(path).toString());
            }
            if (file != null) {
                candidates.add(file.toAbsolutePath().getParent().resolve(path).toString());
            }
            if (resource != null) {
                String pkg = parentOf(resource);
                candidates.add(CLASSPATH + normalizeResource(pkg.isEmpty() ? path : pkg + "/" + path));
                if (!relativeToThis) {
                    candidates.add(CLASSPATH + normalizeResource(path));
                }
            }
            if (relativeToThis && file == null && resource == null && baseDirectory != null) {
                candidates.add(baseDirectory.resolve(path).toString()); // an in-memory script lives in its base
            }
            if (!relativeToThis || (file == null && resource == null)) {
                candidates.add(Path.of(path).toAbsolutePath().toString());
            }
        }
        for (String candidate : candidates.stream().distinct().toList()) {
            if (candidate.startsWith(CLASSPATH)) {
                tried.add(candidate);
                String name = candidate.substring(CLASSPATH.length());
                if (classLoader().getResource(name) != null) {
                    return Optional.of(resource(name, candidate));
                }
            } else {
                Path candidateFile = Path.of(candidate).normalize();
                tried.add(candidateFile.toString());
                // the first name that exists wins, even a broken link or a pipe: it is reported, never skipped
                if (Files.exists(candidateFile, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(file(candidateFile, displayName(candidateFile)));
                }
            }
        }
        return Optional.empty();
    }

    private static String displayName(Path candidate) {
        Path normalized = candidate.normalize();
        Path cwd = Path.of("").toAbsolutePath();
        if (normalized.isAbsolute() && normalized.startsWith(cwd)) {
            return cwd.relativize(normalized).toString();
        }
        return normalized.toString();
    }

    private static String parentOf(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? "" : resource.substring(0, slash);
    }

    private static String normalizeResource(String resource) {
        List<String> parts = new ArrayList<>();
        for (String part : resource.split("/")) {
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String stripSlash(String resource) {
        return resource.startsWith("/") ? resource.substring(1) : resource;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ScriptSource.class.getClassLoader();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
