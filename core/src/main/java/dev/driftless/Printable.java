package dev.driftless;

/**
 * {@code Printable} makes text from files, databases and command lines safe to show to people: control characters
 * (but tab and line break), DEL, C1 controls, Unicode line separators, bidirectional overrides and lone surrogates are
 * written as {@code <U+001B>}, so that a binary file or a hostile name can neither garble a terminal nor hide or
 * reorder what a message or a report says. Every message, report and console line Driftless writes shows such
 * characters this one way.
 *
 * <pre>{@code
 * Printable.of("a[2Jb")         // a<U+001B>[2Jb
 * Printable.inOneLine("x
y")          // x<U+000A>y
 * }</pre>
 */
public final class Printable {

    private Printable() {
    }

    /**
     * Makes text safe to print on a terminal or in a log: control characters (but tab and line break), DEL, C1
     * controls, Unicode line separators, bidirectional overrides and lone surrogates become {@code <U+XXXX>}, so a
     * binary file or a hostile name can neither garble the terminal nor hide or reorder what a message says. The one
     * place that does this for every message Driftless writes about files and scripts.
     *
     * @param text any text, may be {@code null}
     * @return the text with those characters escaped; {@code text} itself when there are none
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp <= 0xFFFF && escaped((char) cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            append(out, cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Makes text safe to show on one line: as {@link #of(String)}, and line breaks and tabs escaped too.
     *
     * @param text any text, may be {@code null}
     * @return the text with those characters escaped; {@code null} for {@code null}
     */
    public static String inOneLine(String text) {
        if (text == null) {
            return null;
        }
        return of(text).replace("\t", escape('\t')).replace("\r", escape('\r')).replace("\n", escape('\n'));
    }

    /**
     * Writes one character the way this class shows characters it escapes.
     *
     * @param c a character
     * @return {@code <U+XXXX>}
     */
    public static String escape(int c) {
        return String.format("<U+%04X>", c);
    }

    /**
     * Tells whether this class shows a character escaped (outside {@link #inOneLine(String)}, which also escapes line
     * breaks and tabs).
     *
     * @param c a UTF-16 character; callers pass surrogates only when they are no part of a pair
     * @return {@code true} when it is escaped
     */
    public static boolean isEscaped(char c) {
        return escaped(c);
    }

    /**
     * Appends one code point as {@link #of(String)} would show it.
     *
     * @param out where to append
     * @param cp the code point
     */
    public static void append(StringBuilder out, int cp) {
        if (cp <= 0xFFFF && escaped((char) cp)) {
            out.append(escape(cp));
        } else {
            out.appendCodePoint(cp);
        }
    }

    /** @return whether a char is printed escaped; callers pass surrogates only when they are no part of a pair */
    private static boolean escaped(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0x061C
                || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || Character.isSurrogate(c);
    }
}
