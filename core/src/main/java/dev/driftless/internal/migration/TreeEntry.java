package dev.driftless.internal.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code TreeEntry} is one file of a {@link LocationTree}: its path relative to the location, the name shown in
 * messages, and its text (read once, on first use, with a UTF-8 byte order mark removed).
 */
public final class TreeEntry implements Comparable<TreeEntry> {

    private final String relativePath;
    private final String displayName;
    private final Path file;
    private String text;

    private TreeEntry(String relativePath, String displayName, Path file, String text) {
        this.relativePath = relativePath;
        this.displayName = displayName;
        this.file = file;
        this.text = text == null ? null : stripBom(text);
    }

    static TreeEntry ofFile(String relativePath, String displayName, Path file) {
        return new TreeEntry(relativePath, displayName, file, null);
    }

    /**
     * Makes an entry whose text is already known (jar entries, tests).
     *
     * @param relativePath path relative to the location, {@code /} separators
     * @param displayName name shown in messages
     * @param text the file's text
     * @return the entry
     */
    public static TreeEntry ofText(String relativePath, String displayName, String text) {
        return new TreeEntry(relativePath, displayName, null, text);
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

    /** @return the name used in messages, e.g. {@code classpath:db/migrations/001_init.sql} */
    public String displayName() {
        return displayName;
    }

    /** @return the folder that holds the file on disk, for resolving {@code \i} includes; empty inside a jar */
    public Optional<Path> baseDirectory() {
        return file == null ? Optional.empty() : Optional.ofNullable(file.toAbsolutePath().getParent());
    }

    /** @return the file's text */
    public synchronized String text() {
        if (text == null) {
            try {
                text = stripBom(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return text;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    @Override
    public int compareTo(TreeEntry other) {
        return relativePath.compareTo(other.relativePath);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
