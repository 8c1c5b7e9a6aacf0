package dev.driftless.internal.resource;

import dev.driftless.resource.ResourceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code TextFiles} is the one way Driftless reads a text file, whatever it is for: a script given by location, an
 * included file, a migration of any layout (on disk or in a jar), a layout's metadata file, a fixture, expected data. It reads
 * only regular files (never opening a pipe, device, socket or folder, so reading can neither block nor run on
 * endlessly), decodes strictly as UTF-8 (never substituting U+FFFD), strips a UTF-8 byte order mark, and refuses NUL
 * bytes. Every refusal is a {@link ResourceException} naming the file and, where there is one, the line, column and
 * byte offset, with what to do.
 */
public final class TextFiles {

    private static final String REGULAR_ONLY = " Driftless reads scripts only from regular files, so that reading can"
            + " neither block nor run on endlessly; use a regular file holding the script instead.";

    private TextFiles() {
    }

    /**
     * {@code Read} is a script file's bytes as stored and its text.
     *
     * @param bytes the bytes, byte order mark included
     * @param text the text, byte order mark stripped
     */
    public record Read(byte[] bytes, String text) {
    }

    /**
     * Reads a script file.
     *
     * @param file the file
     * @param name the name to show in messages
     * @return its bytes and text
     * @throws ResourceException when it is missing, no regular file, unreadable, not UTF-8 or holds a NUL byte
     */
    public static Read read(Path file, String name) {
        byte[] bytes = readBytes(file, name);
        return new Read(bytes, decode(bytes, name));
    }

    /**
     * Reads a regular file's bytes, never opening anything else.
     *
     * @param file the file
     * @param name the name to show in messages
     * @return its bytes
     * @throws ResourceException when it is missing, no regular file or unreadable
     */
    public static byte[] readBytes(Path file, String name) {
        String notRegular = notARegularFile(file);
        if (notRegular != null) {
            throw new ResourceException(name + ": " + notRegular, name, 0, 0, null);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ResourceException(name + ": cannot be read: " + reason(e) + ". Check that the file is intact and"
                    + " readable (for example with cat), then try again.", name, 0, 0, e);
        }
    }

    /**
     * Decodes a script's bytes (a class path resource, a jar entry, a file).
     *
     * @param bytes the bytes
     * @param name the name to show in messages
     * @return the text, a UTF-8 byte order mark stripped
     * @throws ResourceException naming line, column, byte offset and the bytes when they are not UTF-8, or the position
     *     of a NUL byte
     */
    public static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int length = Math.max(1, Math.min(result.length(), bytes.length - bad));
            out.flip();
            String before = out.toString();
            int bom = before.startsWith("\uFEFF") ? 1 : 0;
            int lineStart = before.lastIndexOf('\n') + 1;
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.codePointCount(Math.max(lineStart, bom), before.length()) + 1;
            StringBuilder shown = new StringBuilder();
            for (int i = bad; i < bad + length; i++) {
                shown.append(shown.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
            }
            throw new ResourceException(name + ":" + line + ":" + column + " is not valid UTF-8: the "
                    + (length == 1 ? "byte " : "bytes ") + shown + " at byte offset " + bad
                    + (length == 1 ? " does" : " do") + " not form a UTF-8 character. Driftless reads every text file as"
                    + " UTF-8 and never substitutes characters. Save the file as UTF-8 (iconv -f LATIN1 -t UTF-8"
                    + " converts a Latin-1 file); pg_dump writes UTF-8 when the database encoding is UTF8.",
                    name, line, column, null);
        }
        out.flip();
        String text = out.toString();
        return checkText(text, name, 1);
    }

    /**
     * Checks the text of a script and strips its byte order mark: what every script's text goes through, read from
     * bytes or made in memory.
     *
     * @param text the text, possibly starting with a byte order mark
     * @param name the name to show in messages
     * @param firstLine the line of the file the text starts on (1 for a whole file)
     * @return the text without the byte order mark
     * @throws ResourceException naming line, column and byte offset of the first NUL character
     */
    public static String checkText(String text, String name, int firstLine) {
        int bom = text.startsWith("\uFEFF") ? 1 : 0;
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            String before = text.substring(bom, nul);
            int lineStart = before.lastIndexOf('\n') + 1;
            int line = (int) before.chars().filter(c -> c == '\n').count() + firstLine;
            int column = before.codePointCount(lineStart, before.length()) + 1;
            throw new ResourceException(name + ":" + line + ":" + column + " holds a NUL byte (byte offset "
                    + utf8Length(text, nul) + "), so it is not a text script: it is a binary file, or text saved as"
                    + " UTF-16 or UTF-32. PostgreSQL cannot take NUL bytes in SQL; save the script as UTF-8 text"
                    + " without them.", name, line, column, null);
        }
        return bom == 1 ? text.substring(1) : text;
    }

    /** @return the number of UTF-8 bytes of {@code text}'s first {@code end} chars */
    private static int utf8Length(String text, int end) {
        int bytes = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** {@code Type} is what a path is, as far as reading a script from it goes. */
    public enum Type {
        /** A regular file, or a link to one: the only kind that is read. */
        REGULAR,
        /** A folder, or a link to one. */
        FOLDER,
        /** Nothing exists at the path. */
        MISSING,
        /** A symbolic link whose target does not exist. */
        DANGLING_LINK,
        /** A symbolic link that leads back to itself through other links. */
        LINK_LOOP,
        /** A named pipe, a device, a socket: never opened, as reading it could block or never end. */
        SPECIAL,
        /** Its attributes cannot be read (a folder above it is not searchable, an I/O error). */
        UNREADABLE
    }

    /**
     * {@code FileKind} is what a path is, found without opening it.
     *
     * @param type its type
     * @param linkTarget where the path's symbolic link points (absolute, normalized), or {@code null} when the path is
     *     no link
     * @param special for {@link Type#SPECIAL}: what it is, e.g. {@code "a named pipe (FIFO)"}; else {@code null}
     * @param reason for {@link Type#UNREADABLE}: why, e.g. {@code "permission denied for user app"}; else {@code null}
     */
    public record FileKind(Type type, String linkTarget, String special, String reason) {
    }

    /**
     * Finds what a path is without opening it, following a symbolic link.
     *
     * @param path the path
     * @return what it is, never {@code null}
     */
    public static FileKind kindOf(Path path) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new FileKind(Type.MISSING, null, null, null);
        } catch (IOException e) {
            return new FileKind(Type.UNREADABLE, null, null, reason(e));
        }
        String target = null;
        BasicFileAttributes followed = own;
        if (own.isSymbolicLink()) {
            target = linkTarget(path);
            try {
                followed = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return new FileKind(Type.DANGLING_LINK, target, null, null);
            } catch (FileSystemLoopException e) {
                return new FileKind(Type.LINK_LOOP, target, null, null);
            } catch (IOException e) {
                // Linux says ELOOP as "Too many levels of symbolic links"
                if (e instanceof FileSystemException fs && String.valueOf(fs.getReason()).contains("levels of symbolic")) {
                    return new FileKind(Type.LINK_LOOP, target, null, null);
                }
                return new FileKind(Type.UNREADABLE, target, null, reason(e));
            }
        }
        if (followed.isRegularFile()) {
            return new FileKind(Type.REGULAR, target, null, null);
        }
        if (followed.isDirectory()) {
            return new FileKind(Type.FOLDER, target, null, null);
        }
        return new FileKind(Type.SPECIAL, target, special(path), null);
    }

    /**
     * Says why a path cannot be read as a script, without opening it.
     *
     * @param file the path
     * @return what is wrong and what to do, without the file's name (e.g. {@code "is a named pipe (FIFO), not a
     *     regular file. ..."}), or {@code null} for a regular file (or a link to one)
     */
    public static String notARegularFile(Path file) {
        FileKind kind = kindOf(file);
        String link = kind.linkTarget() == null ? "is " : "is a symbolic link to " + kind.linkTarget() + ", which is ";
        return switch (kind.type()) {
            case REGULAR -> null;
            case MISSING -> "no such file (absolute path " + file.toAbsolutePath().normalize() + "). Check the path: a"
                    + " relative path is resolved against the working directory " + Path.of("").toAbsolutePath() + ".";
            case DANGLING_LINK -> "is a symbolic link to " + kind.linkTarget() + ", which does not exist. Point the link"
                    + " at an existing script file, or replace it with the file itself.";
            case LINK_LOOP -> "is a symbolic link that never reaches a file (the links form a loop). Point the link at"
                    + " an existing script file, or replace it with the file itself.";
            case FOLDER -> link + "a folder, not a script file. Use the path of the .sql file itself (a folder of"
                    + " migrations is read with MigrationChain.at).";
            case SPECIAL -> link + kind.special() + ", not a regular file." + REGULAR_ONLY;
            case UNREADABLE -> "cannot be read: " + kind.reason() + ". Check that the file and the folders above it"
                    + " are readable, then try again.";
        };
    }

    private static String linkTarget(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            Path parent = link.toAbsolutePath().getParent();
            return (target.isAbsolute() || parent == null ? target : parent.resolve(target)).normalize().toString();
        } catch (IOException e) {
            return "a target that cannot be read";
        }
    }

    /** Names what a file that is neither regular file nor folder is, following links. */
    private static String special(Path file) {
        int type;
        try {
            type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
        return switch (type) {
            case 0010000 -> "a named pipe (FIFO)";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }

    /**
     * Says why an operation on a file failed, for people: "permission denied for user x", or the system's reason.
     *
     * @param e the failure
     * @return the reason, without a final period
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied for user " + System.getProperty("user.name");
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
