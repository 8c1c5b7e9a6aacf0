package dev.driftless.resource;

import dev.driftless.internal.resource.TextFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Resource} is one file found at a {@link Location}: a file on disk, a class path resource (in a folder or a
 * jar), or text held in memory. It knows its path relative to the location, the name messages show, and its bytes
 * and text, read once, on first use, through the one reading path of every text Driftless reads (regular files only,
 * strict UTF-8, no NUL, a byte order mark removed from the text). Its checksum, the SHA-256 of its bytes, is what
 * template keys are made of.
 *
 * <p>A resource may also stand for something that is no readable file (a link to nowhere, a pipe, a folder named like
 * a script): it is listed so that whoever takes it for a file reports it instead of leaving it out; reading it throws
 * a {@link ResourceException} saying what it is. Thread-safe.
 */
public final class Resource implements Comparable<Resource> {

    private final String relativePath;
    private final String name;
    private final Path file;
    private final String classpathName;
    private final String problem;
    private byte[] bytes;
    private String text;
    private ResourceException failure;

    private Resource(String relativePath, String name, Path file, String classpathName, byte[] bytes, String text,
                     String problem) {
        this.relativePath = relativePath;
        this.name = name;
        this.file = file;
        this.classpathName = classpathName;
        this.bytes = bytes;
        this.text = text;
        this.problem = problem;
    }

    static Resource ofFile(String relativePath, String name, Path file, String classpathName) {
        return new Resource(relativePath, name, file, classpathName, null, null, null);
    }

    static Resource ofBytes(String relativePath, String name, String classpathName, byte[] bytes) {
        return new Resource(relativePath, name, null, classpathName, bytes, null, null);
    }

    static Resource unreadable(String relativePath, String name, String problem) {
        return new Resource(relativePath, name, null, null, null, null, problem);
    }

    /**
     * Makes a resource of text held in memory, e.g. for tests or generated content.
     *
     * @param relativePath its path relative to an imagined location, {@code /} separators
     * @param name the name messages show
     * @param text its text
     * @return the resource
     */
    public static Resource ofText(String relativePath, String name, String text) {
        Objects.requireNonNull(text, "text");
        return new Resource(relativePath, name, null, null, text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    /** @return the path relative to the location, with {@code /} separators, e.g. {@code 2019-01-01-000000_x/up.sql} */
    public String relativePath() {
        return relativePath;
    }

    /** @return the file name: the last segment of {@link #relativePath()} */
    public String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /** @return the folder part of {@link #relativePath()}, empty for a file at the top of the location */
    public String folder() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }

    /** @return the name messages show, e.g. {@code sql/migrations/001_init.sql} or {@code classpath:db/x.sql} */
    public String name() {
        return name;
    }

    /** @return the file on disk, when the resource is one (also for a class path resource in a folder) */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** @return the resource's name on the class path, when it was found there */
    public Optional<String> classpathName() {
        return Optional.ofNullable(classpathName);
    }

    /** @return the folder that holds the file on disk, for resolving relative paths; empty inside a jar */
    public Optional<Path> baseDirectory() {
        return file == null ? Optional.empty() : Optional.ofNullable(file.toAbsolutePath().getParent());
    }

    /**
     * Reads the bytes, once.
     *
     * @return the bytes as stored, byte order mark included; do not change the array
     * @throws ResourceException naming the file when it is no readable regular file
     */
    public synchronized byte[] bytes() {
        if (failure != null) {
            throw failure;
        }
        if (bytes == null) {
            try {
                if (problem != null) {
                    throw new ResourceException(name + ": " + problem, name, 0, 0, null);
                }
                bytes = TextFiles.readBytes(file, name);
            } catch (ResourceException e) {
                failure = e;
                throw e;
            }
        }
        return bytes;
    }

    /**
     * Reads the text, once (later calls give the same text or the same failure).
     *
     * @return the text, byte order mark removed
     * @throws ResourceException naming the file when it is no readable regular file, not UTF-8, or holds a NUL byte
     */
    public synchronized String text() {
        if (text == null) {
            byte[] content = bytes();
            try {
                text = TextFiles.decode(content, name);
            } catch (ResourceException e) {
                failure = e;
                throw e;
            }
        }
        return text;
    }

    /**
     * @return the SHA-256 of the bytes, 64 lower-case hex digits
     * @throws ResourceException when the bytes cannot be read
     */
    public String checksum() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int compareTo(Resource other) {
        return relativePath.compareTo(other.relativePath);
    }

    @Override
    public String toString() {
        return name;
    }
}
