package dev.driftless.internal.sql;

import java.util.Arrays;

/**
 * {@code LineIndex} turns offsets in a text into 1-based line and column numbers (columns count Unicode code
 * points; a line ends at {@code \n}, so CRLF files count like LF files).
 */
public final class LineIndex {

    private final String text;
    private final int[] lineStarts;
    private final int lineCount;

    /**
     * Indexes a text.
     *
     * @param text the text
     */
    public LineIndex(String text) {
        this.text = text;
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int count = 1;
        int nl = text.indexOf('\n');
        while (nl >= 0) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = nl + 1;
            nl = text.indexOf('\n', nl + 1);
        }
        this.lineStarts = starts;
        this.lineCount = count;
    }

    /** @return the indexed text */
    public String text() {
        return text;
    }

    /** @return the number of lines (a text ending with a line break has an empty last line) */
    public int lineCount() {
        return lineCount;
    }

    /**
     * @param offset an offset in the text (0 to its length)
     * @return the 1-based line holding it
     */
    public int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /**
     * @param offset an offset in the text (0 to its length)
     * @return the 1-based column of it in its line, in code points
     */
    public int column(int offset) {
        int start = lineStarts[line(offset) - 1];
        return text.codePointCount(start, Math.min(offset, text.length())) + 1;
    }

    /**
     * @param line a 1-based line number
     * @return that line's text without its line break (nor a trailing {@code \r})
     */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineCount ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, end);
    }
}
