package dev.driftless.internal.text;

/**
 * {@code Printable} makes text from files and names safe to show to people.
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
     * @param text any text
     * @return the text with those characters escaped; {@code text} itself when there are none
     */
    public static String of(String text) {
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
     * Appends one code point as {@link #of(String)} would show it.
     *
     * @param out where to append
     * @param cp the code point
     */
    public static void append(StringBuilder out, int cp) {
        if (cp <= 0xFFFF && escaped((char) cp)) {
            out.append(String.format("<U+%04X>", cp));
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
