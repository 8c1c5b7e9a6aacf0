package dev.driftless.internal.sql;

/**
 * {@code Chunk} is one contiguous piece of a script's text as {@link ScriptLexer} cuts it. The chunks of a script
 * cover its text exactly once, in order: concatenated, they give the text back.
 *
 * @param kind what the piece is
 * @param start offset of its first character
 * @param end offset just after its last character
 * @param bodyEnd for {@link Kind#STATEMENT}: offset just after the statement's text without its terminating
 *     {@code ;} (equal to {@code end} when the statement has none); for other kinds equal to {@code end}
 * @param copyFromStdin for {@link Kind#STATEMENT}: whether it is {@code COPY ... FROM STDIN}, so that data follows
 * @param variableRefs offsets of {@code :name}, {@code :'name'} and {@code :"name"} candidates outside quotes and
 *     comments, or {@code null} when there are none
 */
public record Chunk(Kind kind, int start, int end, int bodyEnd, boolean copyFromStdin, int[] variableRefs) {

    /** {@code Kind} is what a chunk of script text is. */
    public enum Kind {
        /** Whitespace, comments and empty statements ({@code ;}) between statements. */
        GAP,
        /** An SQL statement, with its terminating {@code ;} if it has one. */
        STATEMENT,
        /** A psql meta-command: from the backslash to the end of the line, without the line break. */
        META,
        /** The data of a {@code COPY ... FROM STDIN}: from just after the {@code ;} up to and including the
         * {@code \.} line (or the end of the text). */
        COPY_DATA
    }

    /** @return whether the statement chunk ends with its own {@code ;} */
    public boolean terminated() {
        return bodyEnd < end;
    }
}
