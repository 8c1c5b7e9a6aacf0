package dev.driftless.resource;

import dev.driftless.internal.resource.TextFiles;
import dev.driftless.Printable;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code Resolver} looks a {@link Location} up, as its class comment says, and lists what it finds: the one
 * mechanism behind every location Driftless reads, on disk, in class path folders and in jars.
 */
final class Resolver {

    private Resolver() {
    }

    static Resource file(Location location, String what) {
        List<String> searched = new ArrayList<>();
        Optional<Path> onDisk = onDisk(location, searched);
        if (onDisk.isPresent()) {
            Path file = onDisk.get();
            return Resource.ofFile(file.getFileName().toString(), displayName(location, file), file, null);
        }
        Optional<Resource> resource = onClassPath(location, searched).map(url -> classPathFile(location, url));
        return resource.orElseThrow(() -> missing(location, what, searched));
    }

    static Listing list(Location location, String what) {
        List<String> searched = new ArrayList<>();
        Optional<Path> onDisk = onDisk(location, searched);
        if (onDisk.isPresent()) {
            return fromPath(location, onDisk.get(), displayName(location, onDisk.get()), null, what);
        }
        Optional<URL> url = onClassPath(location, searched);
        if (url.isEmpty()) {
            throw missing(location, what, searched);
        }
        String resource = classPathName(location);
        String display = classPathDisplay(location, resource);
        try {
            if ("file".equals(url.get().getProtocol())) {
                return fromPath(location, Path.of(url.get().toURI()), display, resource, what);
            }
            if ("jar".equals(url.get().getProtocol())) {
                return fromJar(location, (JarURLConnection) url.get().openConnection(), resource, display);
            }
        } catch (IOException e) {
            throw failure("Cannot read the " + what + " at '" + location + "' (" + url.get() + "): "
                    + TextFiles.reason(e) + ". Check that the jar is intact and readable.", location, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected class path URL " + url.get(), e);
        }
        throw failure("The " + what + " at '" + location + "' are at " + url.get() + "; only folders and jars on the"
                + " class path can be read. Copy them to a folder and pass its path.", location, null);
    }

    /** The file system candidate that exists (even a broken link or a pipe: it is reported, never skipped). */
    private static Optional<Path> onDisk(Location location, List<String> searched) {
        if (location.isClasspath()) {
            return Optional.empty();
        }
        Path path = Path.of(location.path());
        for (Path candidate : candidates(location, path)) {
            searched.add(candidate + " (file system)");
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Set<Path> candidates(Location location, Path path) {
        Set<Path> candidates = new LinkedHashSet<>();
        if (path.isAbsolute()) {
            candidates.add(path.normalize());
            return candidates;
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        candidates.add(workingDirectory.resolve(path).normalize());
        String basedir = System.getProperty("basedir");
        if (basedir != null && !basedir.isBlank()) {
            candidates.add(Path.of(basedir).toAbsolutePath().resolve(path).normalize());
        }
        for (Path root : location.searchRoots()) {
            candidates.add(root.toAbsolutePath().resolve(path).normalize());
        }
        return candidates;
    }

    private static Optional<URL> onClassPath(Location location, List<String> searched) {
        if (location.diskOnly() || (!location.isClasspath() && Path.of(location.path()).isAbsolute())) {
            return Optional.empty();
        }
        String resource = classPathName(location);
        searched.add(Location.CLASSPATH + resource + " (class path)");
        return Optional.ofNullable(location.classLoader().getResource(resource));
    }

    private static String classPathName(Location location) {
        String name = location.path().replace('\\', '/');
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /**
     * What a class path resource is shown as: {@code classpath:name} when the user wrote it so, else the name as
     * written (a plain path that was found on the class path rather than on disk).
     */
    private static String classPathDisplay(Location location, String resource) {
        return location.isClasspath() ? Location.CLASSPATH + resource : resource;
    }

    private static Resource classPathFile(Location location, URL url) {
        String resource = classPathName(location);
        String display = classPathDisplay(location, resource);
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        if ("file".equals(url.getProtocol())) {
            try {
                return Resource.ofFile(fileName, display, Path.of(url.toURI()), resource);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw failure(display + ": the class path resource is at " + url + ", which is no file path ("
                        + e.getMessage() + ").", location, e);
            }
        }
        try (InputStream in = url.openStream()) {
            return Resource.ofBytes(fileName, display, resource, in.readAllBytes());
        } catch (IOException e) {
            throw failure(display + ": cannot read the class path resource at " + url + ": " + TextFiles.reason(e)
                    + ". Check that the jar is intact.", location, e);
        }
    }

    /** What a location that names a file is shown as: the path as written, without a {@code filesystem:} prefix. */
    private static String displayName(Location location, Path found) {
        String written = location.path();
        Path asWritten = Path.of(written);
        if (asWritten.isAbsolute() || Path.of("").toAbsolutePath().resolve(asWritten).normalize().equals(found)) {
            return written;
        }
        return found.toString();
    }

    private static Listing fromPath(Location location, Path root, String display, String classpathName, String what) {
        TextFiles.FileKind kind = TextFiles.kindOf(root);
        switch (kind.type()) {
            case REGULAR -> {
                return new Listing(location, true, List.of(Resource.ofFile(root.getFileName().toString(), display, root,
                        classpathName)), List.of());
            }
            case FOLDER -> {
                return fromFolder(location, root, display, classpathName, what);
            }
            case DANGLING_LINK -> throw failure("'" + location + "' is a symbolic link to " + kind.linkTarget()
                    + ", which does not exist. Point the link at the " + folderOf(what) + ", or pass the folder itself.",
                    location, null);
            case LINK_LOOP -> throw failure("'" + location + "' is a symbolic link that never reaches a folder (the"
                    + " links form a loop). Point the link at the " + folderOf(what) + ", or pass the folder itself.",
                    location, null);
            case SPECIAL -> throw failure("'" + location + "' is " + kind.special() + ", neither a folder of " + what
                    + " nor a regular file. Pass the folder that holds the " + what + ", or one file.", location, null);
            default -> throw failure("Cannot read '" + location + "': " + kind.reason() + ". Check that it and the"
                    + " folders above it are readable.", location, null);
        }
    }

    /** @return "migrations folder" for "migrations": the folder that holds such files */
    private static String folderOf(String what) {
        return what + " folder";
    }

    private static String singular(String what) {
        return what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
    }

    /**
     * Lists a folder, following links into linked folders. Anything that is not a folder is a resource, even a pipe
     * or a link to nowhere (reading it reports what it is), and so is a folder named like a script; a folder that
     * cannot be listed, or a link that loops, is a problem of the listing rather than a silent gap in it.
     */
    private static Listing fromFolder(Location location, Path root, String display, String classpathName,
                                      String what) {
        List<Resource> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            if (!dir.equals(root)
                                    && dir.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                                String relative = relative(root, dir);
                                resources.add(Resource.unreadable(relative, display + "/" + relative, "is a folder,"
                                        + " but its name makes it look like a " + singular(what) + " script. Rename it, or"
                                        + " move it out of the " + folderOf(what) + "."));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            String relative = relative(root, file);
                            resources.add(Resource.ofFile(relative, display + "/" + relative, file,
                                    classpathName == null ? null : classpathName + "/" + relative));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            unlisted(file, e);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                unlisted(dir, e);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        private void unlisted(Path path, IOException e) {
                            if (path.equals(root)) {
                                throw failure("Cannot list the " + folderOf(what) + " '" + location + "': "
                                        + TextFiles.reason(e) + "." + (e instanceof AccessDeniedException
                                        ? " Give that user read and execute permission on it (chmod a+rx), or run as"
                                                + " a user who has it." : " Check the folder and the disk."), location, e);
                            }
                            String name = display + "/" + relative(root, path);
                            if (e instanceof FileSystemLoopException) {
                                problems.add(name + ": is a symbolic link to a folder that contains it (a loop), so its"
                                        + " " + what + " would be read again and again. Remove the link.");
                            } else {
                                problems.add(name + ": cannot list this folder: " + TextFiles.reason(e)
                                        + "; " + what + " in it would be left out. "
                                        + (e instanceof AccessDeniedException
                                        ? "Give that user read and execute permission on it (chmod a+rx)"
                                        : "Check the folder and the disk") + ", or move it out of the "
                                        + folderOf(what) + ".");
                            }
                        }
                    });
        } catch (IOException e) {
            throw failure("Cannot list the " + folderOf(what) + " '" + location + "': " + TextFiles.reason(e)
                    + ". Check the folder and the disk.", location, e);
        }
        Collections.sort(resources);
        return new Listing(location, false, resources, problems);
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static Listing fromJar(Location location, JarURLConnection connection, String resource, String display)
            throws IOException {
        connection.setUseCaches(false);
        List<Resource> resources = new ArrayList<>();
        boolean singleFile = false;
        try (JarFile jar = connection.getJarFile()) {
            JarEntry exact = jar.getJarEntry(resource);
            if (exact != null && !exact.isDirectory()) {
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                resources.add(Resource.ofBytes(name, display, resource, read(jar, exact)));
                singleFile = true;
            } else {
                String prefix = resource + "/";
                Enumeration<JarEntry> all = jar.entries();
                while (all.hasMoreElements()) {
                    JarEntry entry = all.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        String relative = entry.getName().substring(prefix.length());
                        resources.add(Resource.ofBytes(relative, display + "/" + relative, entry.getName(),
                                read(jar, entry)));
                    }
                }
            }
        }
        Collections.sort(resources);
        return new Listing(location, singleFile, resources, List.of());
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static ResourceException missing(Location location, String what, List<String> searched) {
        String basedir = System.getProperty("basedir");
        Path workingDirectory = Path.of("").toAbsolutePath();
        boolean moduleRoot = basedir != null && !basedir.isBlank()
                && !Path.of(basedir).toAbsolutePath().equals(workingDirectory);
        return failure("No " + what + " found at '" + location + "': nothing exists there. Searched:\n  "
                + String.join("\n  ", searched) + "\nCheck the spelling; a file path is resolved against the working"
                + " directory " + workingDirectory + (moduleRoot ? ", then the module's base directory "
                + Path.of(basedir).toAbsolutePath() : "") + ", a 'classpath:' location against the class path.",
                location, null);
    }

    private static ResourceException failure(String message, Location location, Throwable cause) {
        return new ResourceException(Printable.of(message), location.written(), 0, 0, cause);
    }
}
