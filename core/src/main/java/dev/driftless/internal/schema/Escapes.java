package dev.driftless.internal.schema;

/**
 * {@code Escapes} writes text from databases and files — object names, definitions, paths — into reports and
 * terminals so that it reads as written and cannot act as markup or as a terminal command: control characters become
 * visible ({@code \x1B}, <code>&#92;u009B</code>), Markdown and HTML special characters are escaped for their format.
 * Every report renderer and the CLI's console use these rules, so a control character looks the same everywhere.
 */
public final class Escapes {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Escapes() {
    }

    /**
     * Tells whether a character is a control character: C0 ({@code U+0000}–{@code U+001F}), DEL ({@code U+007F}) or
     * C1 ({@code U+0080}–{@code U+009F}), which terminals may read as commands.
     *
     * @param c a character
     * @return {@code true} for a control character
     */
    public static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /**
     * Writes a control character as visible text.
     *
     * @param c a control character, see {@link #isControl(int)}
     * @return {@code \x1B} for C0 and DEL, <code>&#92;u009B</code> for C1
     */
    public static String visible(int c) {
        if (c <= 0x7F) {
            return "\\x" + HEX[(c >> 4) & 0xF] + HEX[c & 0xF];
        }
        return "\\u00" + HEX[(c >> 4) & 0xF] + HEX[c & 0xF];
    }

    /**
     * Makes every control character of a text visible, line breaks included, e.g. for a name in one line of text.
     *
     * @param text the text, may be {@code null}
     * @return the text with control characters written as {@link #visible(int)}; {@code null} for {@code null}
     */
    public static String visible(String text) {
        return visible(text, false);
    }

    /**
     * Makes the control characters of a multi-line text visible but keeps its line feeds and tabs, e.g. for a function
     * body shown over several lines.
     *
     * @param text the text, may be {@code null}
     * @return the text with every other control character written as {@link #visible(int)}
     */
    public static String visibleKeepingLines(String text) {
        return visible(text, true);
    }

    private static String visible(String text, boolean keepLines) {
        if (text == null || text.chars().noneMatch(c -> isControl(c) && !(keepLines && (c == '\n' || c == '\t')))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(keepLines && (c == '\n' || c == '\t'))) {
                out.append(visible(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(isControl(c) && !(keepLines && (c == '\n' || c == '\t')) ? visible(c)
                        : String.valueOf(c));
            }
        }
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
                default -> out.append(isControl(c) ? visible(c) : String.valueOf(c));
            }
        }
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
