package dev.driftless.internal.sql;

import java.util.Arrays;

/**
 * {@code ParsedStatement} is one SQL statement of a script with everything needed to run it and to report a failure
 * in the file: the text sent to the server (variables interpolated), where it is in its source, the COPY data that
 * follows it, and the include chain that led to it. Immutable.
 */
public final class ParsedStatement implements ScriptStep {

    private final ScriptSource source;
    private final LineIndex lines;
    private final int start;
    private final int end;
    private final String interpolated;
    private String sql;
    private final int[] anchorSql;
    private final int[] anchorSource;
    private final boolean[] anchorFixed;
    private final int copyDataStart;
    private final int copyDataEnd;
    private final String includedFrom;
    private final StatementKind kind;

    /**
     * Describes a statement.
     *
     * @param interpolated the text after variable interpolation, or {@code null} when it is the source's text from
     *     {@code start} to {@code end} (taken lazily: a 10 MB dump is not copied while splitting)
     * @param copyDataStart offset of the COPY data, or -1 for none
     * @param copyDataEnd offset just after the COPY data (before the {@code \.} line)
     */
    ParsedStatement(ScriptSource source, LineIndex lines, int start, int end, String interpolated, int[] anchorSql,
            int[] anchorSource, boolean[] anchorFixed, int copyDataStart, int copyDataEnd, String includedFrom) {
        this.source = source;
        this.lines = lines;
        this.start = start;
        this.end = end;
        this.interpolated = interpolated;
        this.anchorSql = anchorSql;
        this.anchorSource = anchorSource;
        this.anchorFixed = anchorFixed;
        this.copyDataStart = copyDataStart;
        this.copyDataEnd = copyDataEnd;
        this.includedFrom = includedFrom;
        this.kind = interpolated != null ? StatementKind.of(interpolated, 0, interpolated.length())
                : StatementKind.of(lines.text(), start, end);
    }

    ParsedStatement withCopyData(int dataStart, int dataEnd) {
        return new ParsedStatement(source, lines, start, end, interpolated, anchorSql, anchorSource, anchorFixed,
                dataStart, dataEnd, includedFrom);
    }

    /** @return the text sent to the server, without the terminating {@code ;} */
    public String sql() {
        String text = sql;
        if (text == null) {
            text = interpolated != null ? interpolated : lines.text().substring(start, end);
            sql = text; // a benign race: every thread computes the same immutable string
        }
        return text;
    }

    /** @return the script it comes from */
    public ScriptSource source() {
        return source;
    }

    /** @return the source's line index */
    public LineIndex lines() {
        return lines;
    }

    /** @return the display name of the script it is in */
    public String scriptName() {
        return source.name();
    }

    /** @return the line it starts on, as reported (counting from the source's first line) */
    public int line() {
        return reportedLine(start);
    }

    /** @return the column it starts at */
    public int column() {
        return lines.column(start);
    }

    /** @return the line its text ends on, as reported */
    public int endLine() {
        return reportedLine(Math.max(start, end - 1));
    }

    /** @return the COPY data, or {@code null} when it is no {@code COPY ... FROM STDIN} */
    public String copyData() {
        return copyDataStart < 0 ? null : lines.text().substring(copyDataStart, copyDataEnd);
    }

    /** @return the offset in the source where the COPY data starts (its first line) */
    public int copyDataStart() {
        return copyDataStart;
    }

    /** @return "included from a.sql:3" style text, or {@code null} for top-level statements */
    public String includedFrom() {
        return includedFrom;
    }

    /** @return what it means for the transaction */
    public StatementKind kind() {
        return kind;
    }

    /**
     * @param offset an offset in the source
     * @return the line number as reported (counting from the source's first line)
     */
    public int reportedLine(int offset) {
        return lines.line(offset) + source.firstLine() - 1;
    }

    /**
     * Maps a server error position into the source.
     *
     * @param position the server's 1-based position in characters (code points) of {@link #sql()}
     * @return the offset in the source text
     */
    public int sourceOffset(int position) {
        String sql = sql();
        int cps = sql.codePointCount(0, sql.length());
        int index = sql.offsetByCodePoints(0, Math.max(0, Math.min(position - 1, cps)));
        if (anchorSql == null) {
            return Math.min(start + index, lines.text().length());
        }
        int a = Arrays.binarySearch(anchorSql, index);
        if (a < 0) {
            a = -a - 2;
        } else {
            while (a + 1 < anchorSql.length && anchorSql[a + 1] == index) {
                a++;
            }
        }
        a = Math.max(a, 0);
        return anchorFixed[a] ? anchorSource[a] : anchorSource[a] + (index - anchorSql[a]);
    }

    /** @return the offset of its first character in the source */
    public int start() {
        return start;
    }

    /** @return the offset just after its text in the source */
    public int end() {
        return end;
    }

    @Override
    public String toString() {
        return source.name() + ":" + line() + ":" + column() + " " + sql();
    }
}
