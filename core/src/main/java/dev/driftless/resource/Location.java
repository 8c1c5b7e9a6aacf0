package dev.driftless.resource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code Location} is where a schema script, a migration folder, a fixture or an expected-data file is, as the user
 * wrote it; every part of Driftless that reads files finds them through it, so that every location is looked up by the
 * same rules:
 *
 * <ul>
 *   <li>{@code classpath:db/migration}: on the class path (a folder, or inside a jar);</li>
 *   <li>{@code filesystem:sql/init.sql}: on disk only;</li>
 *   <li>any other text: a file path; a relative one is looked up in the working directory, then in the module's base
 *   directory (Maven's {@code basedir}, when it differs, and any {@linkplain #withSearchRoot(Path) search root}),
 *   then on the class path.</li>
 * </ul>
 *
 * <pre>{@code
 * Resource schema = Location.of("sql/init_schema.sql").file("schema script");
 * Listing chain = Location.of("classpath:db/migration").list("migrations");
 * }</pre>
 *
 * <p>Nothing is read until asked: {@link #file(String)} and {@link #list(String)} find the resources, and each reads
 * its bytes once, on first use. Immutable.
 */
public final class Location {

    /** The prefix of class path locations. */
    public static final String CLASSPATH = "classpath:";

    /** The prefix of locations on disk only, as Flyway writes them. */
    public static final String FILESYSTEM = "filesystem:";

    private final String written;
    private final boolean diskOnly;
    private final List<Path> searchRoots;
    private final ClassLoader classLoader;

    private Location(String written, boolean diskOnly, List<Path> searchRoots, ClassLoader classLoader) {
        this.written = written;
        this.diskOnly = diskOnly;
        this.searchRoots = List.copyOf(searchRoots);
        this.classLoader = classLoader;
    }

    /**
     * @param written the location as the user wrote it
     * @return the location, not yet looked up
     */
    public static Location of(String written) {
        Objects.requireNonNull(written, "written");
        return new Location(written, written.startsWith(FILESYSTEM), List.of(), null);
    }

    /**
     * @param path a file or folder on disk
     * @return its location
     */
    public static Location of(Path path) {
        return new Location(path.toString(), true, List.of(), null);
    }

    /**
     * Returns a copy that also looks for a relative file path in a folder, after the working directory and the
     * module's base directory.
     *
     * @param root the folder
     * @return the copy
     */
    public Location withSearchRoot(Path root) {
        List<Path> roots = new ArrayList<>(searchRoots);
        roots.add(Objects.requireNonNull(root, "root"));
        return new Location(written, diskOnly, roots, classLoader);
    }

    /**
     * Returns a copy that looks on the class path of a class loader rather than the thread's context class loader.
     *
     * @param loader the class loader
     * @return the copy
     */
    public Location withClassLoader(ClassLoader loader) {
        return new Location(written, diskOnly, searchRoots, Objects.requireNonNull(loader, "loader"));
    }

    /** @return the location as the user wrote it */
    public String written() {
        return written;
    }

    /** @return whether the location names something on the class path only ({@code classpath:...}) */
    public boolean isClasspath() {
        return written.startsWith(CLASSPATH);
    }

    /**
     * Finds the one file the location names.
     *
     * @param what what the file is, for messages, e.g. {@code "schema script"}
     * @return the file; reading it reports a folder, a pipe or a broken link found there
     * @throws ResourceException when nothing exists there; the message lists every place searched
     */
    public Resource file(String what) {
        return Resolver.file(this, what);
    }

    /**
     * Lists every file at the location: the files of a folder, or the one file it names.
     *
     * @param what what is looked for, for messages, e.g. {@code "migrations"}
     * @return the files found
     * @throws ResourceException when nothing exists there (the message lists every place searched), when what is
     *     there is neither folder nor regular file (a pipe, a device, a link to nowhere), or when the folder cannot be
     *     listed
     */
    public Listing list(String what) {
        return Resolver.list(this, what);
    }

    /** @return the path to look up: the written text without a {@code classpath:} or {@code filesystem:} prefix */
    String path() {
        if (written.startsWith(CLASSPATH)) {
            return written.substring(CLASSPATH.length());
        }
        return written.startsWith(FILESYSTEM) ? written.substring(FILESYSTEM.length()) : written;
    }

    /** @return whether only the file system is searched */
    boolean diskOnly() {
        return diskOnly;
    }

    List<Path> searchRoots() {
        return searchRoots;
    }

    ClassLoader classLoader() {
        if (classLoader != null) {
            return classLoader;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Location.class.getClassLoader();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location && ((Location) o).written.equals(written)
                && ((Location) o).diskOnly == diskOnly && ((Location) o).searchRoots.equals(searchRoots);
    }

    @Override
    public int hashCode() {
        return Objects.hash(written, diskOnly, searchRoots);
    }

    @Override
    public String toString() {
        return written;
    }
}
