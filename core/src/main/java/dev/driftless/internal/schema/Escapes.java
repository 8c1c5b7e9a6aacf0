package dev.driftless.internal.schema;

import dev.driftless.Printable;

/**
 * {@code Escapes} writes text from databases and files — object names, definitions, paths — into reports and
 * terminals so that it reads as written and cannot act as markup or as a terminal command: control characters become
 * visible as {@link Printable} shows them ({@code <U+001B>}), Markdown and HTML special characters are escaped for
 * their format.
 */
public final class Escapes {

    private Escapes() {
    }

    /**
     * Appends a code point as {@link Printable} shows it, line breaks and tabs escaped too unless kept; in markup, the
     * escape's angle brackets as entities, so that {@code <U+001B>} cannot read as a tag.
     */
    private static void appendShown(StringBuilder out, int c, boolean keepLines, boolean markup) {
        boolean escaped = c <= 0xFFFF && (Printable.isEscaped((char) c)
                || !keepLines && (c == '\n' || c == '\t' || c == '\r'));
        if (escaped) {
            String shown = Printable.escape(c);
            out.append(markup ? shown.replace("<", "&lt;").replace(">", "&gt;") : shown);
        } else {
            out.appendCodePoint(c);
        }
    }

    /**
     * Makes every control character of a text visible, line breaks included, e.g. for a name in one line of text.
     *
     * @param text the text, may be {@code null}
     * @return the text as {@link Printable#inOneLine(String)} shows it; {@code null} for {@code null}
     */
    public static String visible(String text) {
        return Printable.inOneLine(text);
    }

    /**
     * Makes the control characters of a multi-line text visible but keeps its line feeds and tabs, e.g. for a function
     * body shown over several lines.
     *
     * @param text the text, may be {@code null}
     * @return the text as {@link Printable#of(String)} shows it
     */
    public static String visibleKeepingLines(String text) {
        return Printable.of(text);
    }

    /**
     * Escapes text for HTML element content and attribute values, e.g. a name.
     *
     * @param text the text
     * @return the text with {@code & < > "} as entities and control characters visible, line breaks included
     */
    public static String html(String text) {
        return html(text, false);
    }

    /**
     * Escapes a multi-line text for HTML element content, e.g. a definition in a {@code <pre>}.
     *
     * @param text the text
     * @return the text with {@code & < > "} as entities, line feeds and tabs kept, other control characters visible
     */
    public static String htmlKeepingLines(String text) {
        return html(text, true);
    }

    private static String html(String text, boolean keepLines) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> appendShown(out, c, keepLines, true);
            }
        });
        return out.toString();
    }

    /**
     * Escapes text for Markdown inline content (a heading, a list item, a table cell): it reads as written and cannot
     * open HTML, emphasis, links, code spans or a new table cell or line.
     *
     * @param text the text
     * @return the escaped text, on one line
     */
    public static String markdown(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append((char) c);
                default -> appendShown(out, c, false, true);
            }
        });
        return out.toString();
    }

    /**
     * Writes one line of text as a Markdown code span that is safe in a table cell: the fence is longer than any run of
     * backticks inside, pipes are escaped, control characters visible.
     *
     * @param line the text, without line breaks (they are made visible)
     * @return the code span, e.g. {@code `a \| b`} or {@code `` a`b ``}
     */
    public static String markdownCode(String line) {
        String content = visible(line).replace("|", "\\|");
        String fence = "`".repeat(longestRun(content, '`') + 1);
        boolean pad = content.startsWith("`") || content.endsWith("`")
                || content.startsWith(" ") && content.endsWith(" ") && !content.isBlank();
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    /**
     * Writes text as a fenced Markdown code block that the text cannot close.
     *
     * @param text the text, over several lines
     * @param info the info string, e.g. {@code text} or {@code sql}
     * @return the block, ending with a line break
     */
    public static String markdownBlock(String text, String info) {
        String fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
        return fence + info + "\n" + visibleKeepingLines(text) + "\n" + fence + "\n";
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
