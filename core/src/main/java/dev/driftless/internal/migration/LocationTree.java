package dev.driftless.internal.migration;

import dev.driftless.internal.sql.ScriptFiles;
import dev.driftless.migration.MigrationException;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
    private final List<String> problems;

    private LocationTree(String location, boolean singleFile, List<TreeEntry> entries, List<String> problems) {
        this.location = location;
        this.singleFile = singleFile;
        this.entries = entries;
        this.problems = problems;
    }

    /**
     * Resolves a location: {@code classpath:db/migrations} on the class path; any other text as a file path, then, if
     * no such file exists, on the class path.
     *
     * @param location the location as the user wrote it
     * @param loader the class loader for class path locations
     * @return the files found
     * @throws MigrationException when nothing exists there (the message lists every place searched), when what is there
     *     is neither folder nor regular file (a pipe, a device, a link to nowhere), or when the folder cannot be listed
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
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return fromPath(location, path, trimSlashes(location));
        }
        return fromClassPath(location, trimSlashes(location), loader, searched)
                .orElseThrow(() -> missing(location, searched));
    }

    private static MigrationException missing(String location, List<String> searched) {
        return ReadErrors.of("No migrations found at '" + location + "': nothing exists there. Searched:\n  "
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
            throw ReadErrors.of("Cannot read the migrations at '" + location + "' (" + url + "): "
                    + ScriptFiles.reason(e) + ". Check that the jar is intact and readable.", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected class path URL " + url, e);
        }
        throw ReadErrors.of("Migrations at '" + location + "' are at " + url + "; only folders and jars on the"
                + " class path can be read. Copy them to a folder and pass its path.");
    }

    private static LocationTree fromPath(String location, Path root, String display) {
        ScriptFiles.FileKind kind = ScriptFiles.kindOf(root);
        switch (kind.type()) {
            case REGULAR -> {
                return new LocationTree(location, true,
                        List.of(TreeEntry.ofFile(root.getFileName().toString(), display, root)), List.of());
            }
            case FOLDER -> {
                return fromFolder(location, root, display);
            }
            case DANGLING_LINK -> throw ReadErrors.of("'" + location + "' is a symbolic link to "
                    + kind.linkTarget() + ", which does not exist. Point the link at the migrations folder, or pass the"
                    + " folder itself.");
            case LINK_LOOP -> throw ReadErrors.of("'" + location + "' is a symbolic link that never reaches a"
                    + " folder (the links form a loop). Point the link at the migrations folder, or pass the folder"
                    + " itself.");
            case SPECIAL -> throw ReadErrors.of("'" + location + "' is " + kind.special() + ", neither a"
                    + " folder of migrations nor a script file. Pass the folder that holds the migrations, or one .sql"
                    + " file for a master schema.");
            default -> throw ReadErrors.of("Cannot read the migration location '" + location + "': "
                    + kind.reason() + ". Check that it and the folders above it are readable.");
        }
    }

    /**
     * Lists a folder, following links into linked folders. Anything that is not a folder is an entry, even a pipe or a
     * link to nowhere (reading it reports what it is), and so is a folder named like a script; a folder that cannot
     * be listed, or a link that loops, is a problem of the chain rather than a silent gap in it.
     */
    private static LocationTree fromFolder(String location, Path root, String display) {
        List<TreeEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            if (!dir.equals(root)
                                    && dir.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                                String relative = relative(root, dir);
                                entries.add(TreeEntry.unreadable(relative, display + "/" + relative, "is a folder,"
                                        + " but its name makes it look like a migration script. Rename it, or move it"
                                        + " out of the migrations folder."));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            String relative = relative(root, file);
                            entries.add(TreeEntry.ofFile(relative, display + "/" + relative, file));
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
                                throw ReadErrors.of("Cannot list the migration folder '" + location + "': "
                                        + ScriptFiles.reason(e) + "." + (e instanceof AccessDeniedException
                                        ? " Give that user read and execute permission on it (chmod a+rx), or run as"
                                                + " a user who has it." : " Check the folder and the disk."), e);
                            }
                            String name = display + "/" + relative(root, path);
                            if (e instanceof FileSystemLoopException) {
                                problems.add(name + ": is a symbolic link to a folder that contains it (a loop), so its"
                                        + " migrations would be read again and again. Remove the link.");
                            } else {
                                problems.add(name + ": cannot list this folder: " + ScriptFiles.reason(e)
                                        + "; migrations in it would be left out. " + (e instanceof AccessDeniedException
                                        ? "Give that user read and execute permission on it (chmod a+rx)"
                                        : "Check the folder and the disk") + ", or move it out of the migrations"
                                        + " folder.");
                            }
                        }
                    });
        } catch (IOException e) {
            throw ReadErrors.of("Cannot list the migration folder '" + location + "': " + ScriptFiles.reason(e)
                    + ". Check the folder and the disk.", e);
        }
        Collections.sort(entries);
        return new LocationTree(location, false, Collections.unmodifiableList(entries),
                Collections.unmodifiableList(problems));
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
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
                entries.add(TreeEntry.ofBytes(name, display, read(jar, exact)));
                singleFile = true;
            } else {
                String prefix = resource + "/";
                Enumeration<JarEntry> all = jar.entries();
                while (all.hasMoreElements()) {
                    JarEntry entry = all.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        String relative = entry.getName().substring(prefix.length());
                        entries.add(TreeEntry.ofBytes(relative, display + "/" + relative, read(jar, entry)));
                    }
                }
            }
        }
        Collections.sort(entries);
        return new LocationTree(location, singleFile, Collections.unmodifiableList(entries), List.of());
    }

    /** The bytes of a jar entry; they are decoded, like every script, by {@link ScriptFiles} when first used. */
    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
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
     * @return what keeps part of the folder from being read (a subfolder that cannot be listed, a link that loops),
     *     each naming its path and what to do; empty when everything was listed
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * @param relativePath a path relative to the location, with {@code /} separators
     * @return the file at that path, if any
     */
    public Optional<TreeEntry> find(String relativePath) {
        return entries.stream().filter(e -> e.relativePath().equals(relativePath)).findFirst();
    }
}
