package dev.driftless.internal.migration.flyway;

import dev.driftless.migration.MigrationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Toml} reads the part of TOML that Flyway's {@code flyway.toml} files use into flat dotted keys: tables
 * ({@code [flyway.placeholders]}), bare, quoted and dotted keys, basic and literal strings, booleans, numbers and arrays
 * of those (joined with commas, as Flyway's list settings are written in {@code flyway.conf}). Anything else is refused
 * with the file and line, rather than read wrongly.
 */
final class Toml {

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;

    private Toml(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /**
     * @param file the file's name, for messages
     * @param text its text
     * @return dotted key → value, in file order
     * @throws MigrationException when the text uses TOML this reader does not know, naming file and line
     */
    static Map<String, String> read(String file, String text) {
        return new Toml(file, text).document();
    }

    private Map<String, String> document() {
        Map<String, String> values = new LinkedHashMap<>();
        String table = "";
        while (true) {
            skipBlankAndComments();
            if (pos >= text.length()) {
                return values;
            }
            char c = text.charAt(pos);
            if (c == '[') {
                pos++;
                if (peek() == '[') {
                    throw fail("arrays of tables ([[...]]) are not read here");
                }
                table = String.join(".", keyPath(']'));
                expect(']');
                endOfLine();
            } else {
                String key = String.join(".", keyPath('='));
                expect('=');
                String value = value();
                values.put(table.isEmpty() ? key : table + "." + key, value);
                endOfLine();
            }
        }
    }

    private List<String> keyPath(char end) {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipSpaces();
            char c = peek();
            if (c == '"' || c == '\'') {
                parts.add(string());
            } else {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                        || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (start == pos) {
                    throw fail("expected a key");
                }
                parts.add(text.substring(start, pos));
            }
            skipSpaces();
            if (peek() == '.') {
                pos++;
            } else if (peek() == end) {
                return parts;
            } else {
                throw fail("expected '" + end + "' after the key " + String.join(".", parts));
            }
        }
    }

    private String value() {
        skipSpaces();
        char c = peek();
        if (c == '"' || c == '\'') {
            return string();
        }
        if (c == '[') {
            pos++;
            List<String> items = new ArrayList<>();
            while (true) {
                skipBlankAndComments();
                if (peek() == ']') {
                    pos++;
                    return String.join(",", items);
                }
                items.add(value());
                skipBlankAndComments();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ']') {
                    throw fail("expected ',' or ']' in an array");
                }
            }
        }
        if (c == '{') {
            throw fail("inline tables ({...}) are not read here; write a [table] instead");
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != ','
                && text.charAt(pos) != ']' && text.charAt(pos) != '#') {
            pos++;
        }
        String bare = text.substring(start, pos);
        if (bare.equals("true") || bare.equals("false") || bare.matches("[+-]?\\d[\\d_]*(\\.\\d+)?")) {
            return bare.replace("_", "");
        }
        throw fail("expected a string, a number, true, false or an array, found '" + bare + "'");
    }

    private String string() {
        char quote = text.charAt(pos++);
        if (text.startsWith(String.valueOf(quote).repeat(2), pos)) {
            throw fail("multi-line strings are not read here");
        }
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\n') {
                throw fail("a string is not closed on its line");
            }
            if (c == '\\' && quote == '"') {
                char e = pos < text.length() ? text.charAt(pos++) : ' ';
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    default -> throw fail("the escape \\" + e + " is not read here");
                }
            } else {
                out.append(c);
            }
        }
        if (pos >= text.length()) {
            throw fail("a string is not closed");
        }
        pos++;
        return out.toString();
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipBlankAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void endOfLine() {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '#') {
            skipBlankAndComments();
            return;
        }
        if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            throw fail("expected the end of the line");
        }
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private MigrationException fail(String problem) {
        return new MigrationException(file + ":" + line + ": cannot read this Flyway configuration: " + problem);
    }
}
