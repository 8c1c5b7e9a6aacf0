package dev.driftless.seed.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SimpleYaml} reads the YAML that fixtures almost always are — table keys, block lists of flat rows, plain and
 * quoted scalars, comments — straight from the text, many times faster than SnakeYAML, which Jackson's YAML parser
 * runs on. It gives exactly the rows {@link FixtureReaders#yaml(String, String)} gives through Jackson: the same
 * values (text, {@code Integer}/{@code Long}/{@code BigInteger}, {@code BigDecimal}, {@code Boolean}, {@code null}),
 * lines and indexes. Whatever it is not sure to read as Jackson would — flow collections, nested values, block scalars,
 * anchors, aliases, tags, multi-line scalars, tabs, scalars that YAML may read as another type ({@code 0x1F},
 * {@code 1e3}, {@code yes}) — and every error, makes it give up, and the file is read by Jackson instead (which also
 * reports errors with their line and column).
 */
final class SimpleYaml {

    /** Thrown when the text is not in the subset; the caller reads it with Jackson. */
    static final class NotSimple extends Exception {
        private static final long serialVersionUID = 1L;

        NotSimple() {
            super(null, null, false, false);
        }
    }

    private static final NotSimple NOT_SIMPLE = new NotSimple();
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final String text;
    private final String source;
    private int pos;
    private int lineNo;
    // The current line: [lineStart, lineEnd), its indentation, and whether it holds anything but a comment.
    private int lineStart;
    private int lineEnd;
    private int indent;
    private final String[] lastKeys = new String[32];

    private SimpleYaml(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * Reads a fixture in the simple subset.
     *
     * @param source the file name, for origins
     * @param text the content
     * @return the rows, as Jackson's reading gives them
     * @throws NotSimple when the text is outside the subset (or has an error)
     */
    static List<FixtureRow> read(String source, String text) throws NotSimple {
        return new SimpleYaml(source, text).rows();
    }

    private List<FixtureRow> rows() throws NotSimple {
        List<FixtureRow> rows = new ArrayList<>();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw NOT_SIMPLE;
        }
        boolean line = nextLine();
        while (line) {
            if (indent != 0) {
                throw NOT_SIMPLE;
            }
            int tableLine = lineNo;
            int colon = keyEnd(lineStart);
            String table = key(lineStart, colon);
            String rest = valueText(colon + 1, lineEnd);
            if (!rest.isEmpty()) {
                if (rest.equals("~") || rest.equals("null") || rest.equals("Null") || rest.equals("NULL")
                        || rest.equals("''") || rest.equals("\"\"") || rest.equals("[]")) {
                    rows.add(FixtureRow.emptyTable(table, new Origin(source, tableLine)));
                    line = nextLine();
                    continue;
                }
                throw NOT_SIMPLE;
            }
            line = nextLine();
            if (!line || indent == 0 && text.charAt(lineStart) != '-') {
                rows.add(FixtureRow.emptyTable(table, new Origin(source, tableLine)));
                continue;
            }
            int dashIndent = indent;
            int index = 0;
            while (line && indent == dashIndent && text.charAt(lineStart) == '-') {
                int dash = lineStart;
                if (dash + 1 >= lineEnd || text.charAt(dash + 1) != ' ') {
                    throw NOT_SIMPLE; // "-" alone, or "-x"
                }
                int keyStart = dash + 1;
                while (keyStart < lineEnd && text.charAt(keyStart) == ' ') {
                    keyStart++;
                }
                int keyIndent = keyStart - (lineStart - indent);
                int rowLine = lineNo;
                index++;
                Map<String, Object> values = new LinkedHashMap<>();
                String alias = null;
                int start = keyStart;
                int position = 0;
                while (true) {
                    int c = keyEnd(start);
                    String column = cachedKey(position++, start, c);
                    Object value = scalar(c + 1, lineEnd, keyIndent);
                    if (FixtureReaders.ALIAS_KEY.equals(column)) {
                        if (!(value instanceof String) || alias != null) {
                            throw NOT_SIMPLE;
                        }
                        alias = (String) value;
                    } else if (values.containsKey(column) || column.equals("<<")) {
                        throw NOT_SIMPLE;
                    } else {
                        values.put(column, value);
                    }
                    line = nextLine();
                    if (!line || indent < keyIndent) {
                        break;
                    }
                    if (indent > keyIndent) {
                        throw NOT_SIMPLE;
                    }
                    start = lineStart;
                }
                rows.add(new FixtureRow(table, alias, values, new Origin(source, rowLine), index));
            }
            if (line && indent != 0) {
                throw NOT_SIMPLE;
            }
        }
        return rows;
    }

    /** Moves to the next line with content; sets lineStart (first non-space), lineEnd and indent. */
    private boolean nextLine() throws NotSimple {
        while (pos < text.length()) {
            int start = pos;
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
                pos = end;
            } else {
                pos = end + 1;
            }
            lineNo++;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            int first = start;
            while (first < end && text.charAt(first) == ' ') {
                first++;
            }
            if (first < end && text.charAt(first) == '\t') {
                throw NOT_SIMPLE;
            }
            if (first == end || text.charAt(first) == '#') {
                continue;
            }
            if (first == start && (text.startsWith("---", start) || text.startsWith("...", start)
                    || text.charAt(start) == '%')) {
                throw NOT_SIMPLE;
            }
            lineStart = first;
            lineEnd = end;
            indent = first - start;
            return true;
        }
        return false;
    }

    /** @return the index of the colon that ends a plain key starting at {@code start} */
    private int keyEnd(int start) throws NotSimple {
        char first = text.charAt(start);
        if (first == '"' || first == '\'' || first == '?' || first == '-' || first == '[' || first == '{'
                || first == '&' || first == '*' || first == '!' || first == '|' || first == '>') {
            throw NOT_SIMPLE;
        }
        for (int i = start; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == lineEnd || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == '#' && text.charAt(i - 1) == ' ' || c == '{' || c == '[' || c == ',' || c == '"' || c == '\'') {
                throw NOT_SIMPLE;
            }
        }
        throw NOT_SIMPLE;
    }

    /**
     * Rows repeat their column names: the name at each position is reused when the text is the same, which saves
     * making (and hashing) a new string for every value.
     */
    private String cachedKey(int position, int start, int colon) throws NotSimple {
        if (position < lastKeys.length) {
            String last = lastKeys[position];
            if (last != null && last.length() == colon - start && text.regionMatches(start, last, 0, last.length())) {
                return last;
            }
            return lastKeys[position] = key(start, colon);
        }
        return key(start, colon);
    }

    private String key(int start, int colon) throws NotSimple {
        String key = text.substring(start, colon);
        if (key.endsWith(" ")) {
            throw NOT_SIMPLE;
        }
        return key;
    }

    /** The text after a colon, without surrounding spaces or a trailing comment; quoted text is not unquoted. */
    private String valueText(int from, int to) {
        int end = commentStart(from, to);
        return text.substring(from, end).strip();
    }

    private int commentStart(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '#' && (i == from || text.charAt(i - 1) == ' ')) {
                return i;
            }
        }
        return to;
    }

    /** Reads the scalar after a key's colon, as Jackson's YAML parser types it. */
    private Object scalar(int from, int to, int keyIndent) throws NotSimple {
        int start = from;
        while (start < to && text.charAt(start) == ' ') {
            start++;
        }
        if (start == to || text.charAt(start) == '#') {
            // "key:" with nothing after it is empty text, unless the value follows on deeper lines
            int saved = pos;
            int savedLine = lineNo;
            int ls = lineStart;
            int le = lineEnd;
            int in = indent;
            boolean more = nextLine();
            boolean deeper = more && (indent > keyIndent || indent == keyIndent && text.charAt(lineStart) == '-');
            pos = saved;
            lineNo = savedLine;
            lineStart = ls;
            lineEnd = le;
            indent = in;
            if (deeper) {
                throw NOT_SIMPLE;
            }
            return ""; // as Jackson reads an empty value
        }
        char first = text.charAt(start);
        if (first == '"') {
            return doubleQuoted(start, to);
        }
        if (first == '\'') {
            return singleQuoted(start, to);
        }
        String plain = valueText(start, to);
        return plain(plain);
    }

    private Object plain(String value) throws NotSimple {
        char first = value.charAt(0);
        if ("[]{}&*!|>%@`,#".indexOf(first) >= 0 || value.contains(": ") || value.endsWith(":")
                || (first == '-' || first == '?' || first == ':') && (value.length() == 1 || value.charAt(1) == ' ')) {
            throw NOT_SIMPLE; // an indicator, a nested mapping or sequence: leave it to Jackson
        }
        switch (value) {
            case "~": case "null": case "Null": case "NULL":
                return null;
            case "true": case "True": case "TRUE":
                return Boolean.TRUE;
            case "false": case "False": case "FALSE":
                return Boolean.FALSE;
            default:
                break;
        }
        if (first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.') {
            return number(value);
        }
        if (value.length() <= 3) {
            switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "y": case "n": case "yes": case "no": case "on": case "off":
                    throw NOT_SIMPLE; // YAML 1.1 booleans: leave the choice to Jackson
                default:
                    break;
            }
        }
        return value;
    }

    /** Integers and decimals in their plain form; anything else that might be a number is left to Jackson. */
    private static Object number(String value) throws NotSimple {
        int i = value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < value.length() && Character.isDigit(value.charAt(i))) {
            i++;
            digits++;
        }
        boolean leadingZero = digits > 1 && value.charAt(value.charAt(0) == '-' ? 1 : 0) == '0';
        if (digits > 0 && i == value.length() && !leadingZero) {
            if (digits <= 9) {
                return Integer.parseInt(value);
            }
            if (digits <= 18) {
                long number = Long.parseLong(value);
                return number == (int) number ? (Object) (int) number : (Object) number;
            }
            BigInteger big = new BigInteger(value);
            if (big.bitLength() <= 31) {
                return big.intValue();
            }
            return big.bitLength() <= 63 ? (Object) big.longValue() : big;
        }
        if (digits > 0 && !leadingZero && i < value.length() - 1 && value.charAt(i) == '.') {
            int j = i + 1;
            while (j < value.length() && Character.isDigit(value.charAt(j))) {
                j++;
            }
            if (j == value.length()) {
                return new BigDecimal(value);
            }
        }
        if (DATE.matcher(value).matches()) {
            return value; // Jackson does not resolve YAML timestamps: a date is text
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (!(Character.isDigit(c) || "+-._eExXoObBaAcCdDfFiInN".indexOf(c) >= 0)) {
                return value; // a space, colon or other letter: no number in YAML, text for Jackson too
            }
        }
        throw NOT_SIMPLE;
    }

    private String doubleQuoted(int start, int to) throws NotSimple {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '"') {
                rest(i + 1, to);
                return sb.toString();
            }
            if (c == '\\') {
                if (i + 1 >= to) {
                    throw NOT_SIMPLE;
                }
                char e = text.charAt(++i);
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'r': sb.append('\r'); break;
                    default: throw NOT_SIMPLE;
                }
            } else {
                sb.append(c);
            }
            i++;
        }
        throw NOT_SIMPLE; // continues on the next line
    }

    private String singleQuoted(int start, int to) throws NotSimple {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < to && text.charAt(i + 1) == '\'') {
                    sb.append('\'');
                    i += 2;
                    continue;
                }
                rest(i + 1, to);
                return sb.toString();
            }
            sb.append(c);
            i++;
        }
        throw NOT_SIMPLE;
    }

    /** After a closing quote only spaces and a comment may follow. */
    private void rest(int from, int to) throws NotSimple {
        int i = from;
        while (i < to && text.charAt(i) == ' ') {
            i++;
        }
        if (i < to && !(text.charAt(i) == '#' && i > from)) {
            throw NOT_SIMPLE;
        }
    }
}
