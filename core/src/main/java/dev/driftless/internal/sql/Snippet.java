package dev.driftless.internal.sql;

import dev.driftless.Printable;
/**
 * {@code Snippet} renders lines of a script with their numbers and a caret under one column, for error messages:
 * <pre>
 *   42 | CREATE TABLE orders (
 *      |     ^
 * </pre>
 * Statements longer than {@value #MAX_LINES} lines show the lines around the caret; very long lines (pg_dump's
 * {@code INSERT}s) show the part around the caret. Control characters are shown escaped ({@link Printable#of}), never raw.
 */
public final class Snippet {

    static final int MAX_LINES = 10;
    private static final int CONTEXT = 3;
    private static final int MAX_WIDTH = 160;

    private Snippet() {
    }

    /**
     * Renders the lines of a statement.
     *
     * @param lines the source's line index
     * @param lineOffset what to add to a line of the index to get the reported line number
     * @param first the statement's first line in the index
     * @param last the statement's last line in the index
     * @param caretLine the line of the caret in the index, or 0 for none
     * @param caretColumn the 1-based column (code points) of the caret
     * @return the rendered lines, each ending with a line break
     */
    public static String render(LineIndex lines, int lineOffset, int first, int last, int caretLine,
            int caretColumn) {
        int from = first;
        int to = last;
        if (last - first + 1 > MAX_LINES) {
            int focus = caretLine > 0 ? caretLine : first;
            from = Math.max(first, focus - CONTEXT);
            to = Math.min(last, focus + CONTEXT);
        }
        int width = String.valueOf(to + lineOffset).length();
        StringBuilder out = new StringBuilder();
        if (from > first) {
            out.append("  ").append(" ".repeat(width)).append(" | ...\n");
        }
        for (int line = from; line <= to; line++) {
            String text = lines.lineText(line);
            int column = caretColumn;
            if (text.length() > MAX_WIDTH) {
                int caretIndex = line == caretLine ? text.offsetByCodePoints(0,
                        Math.min(caretColumn - 1, text.codePointCount(0, text.length()))) : 0;
                int cutStart = Math.max(0, Math.min(caretIndex - MAX_WIDTH / 2, text.length() - MAX_WIDTH));
                int cutEnd = Math.min(text.length(), cutStart + MAX_WIDTH);
                String prefix = cutStart > 0 ? "..." : "";
                String cut = prefix + text.substring(cutStart, cutEnd) + (cutEnd < text.length() ? "..." : "");
                column = prefix.length() + text.codePointCount(cutStart, caretIndex) + 1;
                text = cut;
            }
            StringBuilder shown = new StringBuilder();
            StringBuilder caret = new StringBuilder();
            int cps = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int cp = text.codePointAt(i);
                int before = shown.length();
                Printable.append(shown, cp);
                if (cps < column - 1) {
                    // one column per character, the width of an escape for an escaped one; tabs stay tabs so that the
                    // caret lines up however the terminal expands them
                    int printed = shown.length() - before;
                    caret.append(cp == '\t' ? "\t" : " ".repeat(printed == Character.charCount(cp) ? 1 : printed));
                }
                cps++;
            }
            out.append("  ").append(pad(line + lineOffset, width)).append(" | ").append(shown).append('\n');
            if (line == caretLine) {
                out.append("  ").append(" ".repeat(width)).append(" | ").append(caret)
                        .append(" ".repeat(Math.max(0, column - 1 - cps))).append("^\n");
            }
        }
        if (to < last) {
            out.append("  ").append(" ".repeat(width)).append(" | ...\n");
        }
        return out.toString();
    }

    private static String pad(int number, int width) {
        String s = String.valueOf(number);
        return " ".repeat(width - s.length()) + s;
    }
}
