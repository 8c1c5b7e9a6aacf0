package dev.driftless.internal.migration;

import dev.driftless.internal.sql.ScriptFiles;
import dev.driftless.sql.ScriptException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code TreeEntry} is one file of a {@link LocationTree}: its path relative to the location, the name shown in
 * messages, and its text, read once, on first use, through {@link ScriptFiles} (the reading path of every script:
 * regular files only, strict UTF-8, no NUL, a byte order mark removed). An entry may also be something that is no
 * regular file (a link to nowhere, a pipe, a device, a folder named like a script): it is listed so that a reader that
 * takes it for a migration reports it instead of leaving it out.
 */
public final class TreeEntry implements Comparable<TreeEntry> {

    private final String relativePath;
    private final String displayName;
    private final Path file;
    private byte[] bytes;
    private final String problem;
    private String text;
    private ScriptException failure;

    private TreeEntry(String relativePath, String displayName, Path file, byte[] bytes, String text, String problem) {
        this.relativePath = relativePath;
        this.displayName = displayName;
        this.file = file;
        this.bytes = bytes;
        this.text = text == null ? null : text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.problem = problem;
    }

    static TreeEntry ofFile(String relativePath, String displayName, Path file) {
        return new TreeEntry(relativePath, displayName, file, null, null, null);
    }

    static TreeEntry ofBytes(String relativePath, String displayName, byte[] bytes) {
        return new TreeEntry(relativePath, displayName, null, bytes, null, null);
    }

    /** An entry that cannot be read, for the reason given (a sentence saying what it is and what to do). */
    static TreeEntry unreadable(String relativePath, String displayName, String problem) {
        return new TreeEntry(relativePath, displayName, null, null, null, problem);
    }

    /**
     * Makes an entry whose text is already known (tests).
     *
     * @param relativePath path relative to the location, {@code /} separators
     * @param displayName name shown in messages
     * @param text the file's text
     * @return the entry
     */
    public static TreeEntry ofText(String relativePath, String displayName, String text) {
        return new TreeEntry(relativePath, displayName, null, null, text, null);
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

    /**
     * Reads the entry's text (once; later calls give the same text or the same failure).
     *
     * @return the file's text, byte order mark removed
     * @throws ScriptException naming the file when it is no readable regular file, not UTF-8, or holds a NUL byte
     */
    public synchronized String text() {
        if (failure != null) {
            throw failure;
        }
        if (text == null) {
            try {
                if (problem != null) {
                    throw new ScriptException(displayName + ": " + problem, displayName, 0, 0, null, null);
                }
                text = file != null ? ScriptFiles.read(file, displayName).text() : ScriptFiles.decode(bytes, displayName);
                bytes = null;
            } catch (ScriptException e) {
                failure = e;
                throw e;
            }
        }
        return text;
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
