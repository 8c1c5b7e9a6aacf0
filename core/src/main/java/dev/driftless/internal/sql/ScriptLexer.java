package dev.driftless.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ScriptLexer} cuts a psql script into {@link Chunk}s the way psql's own lexer ({@code psqlscan.l}) does: a
 * {@code ;} ends a statement only outside quotes, dollar quotes, comments, parentheses and {@code BEGIN ... END}
 * bodies of {@code CREATE FUNCTION/PROCEDURE}; a backslash outside quotes starts a meta-command that runs to the end of
 * the line; the data lines after {@code COPY ... FROM STDIN;} run up to a line {@code \.}.
 *
 * <p>It never throws and never loses or repeats a character: the chunks cover the text exactly, in order. A quote,
 * dollar quote, quoted identifier or block comment left open runs to the end of the text, and the lexer records where it
 * opened ({@link Result#unterminated()}), so that the parser can refuse the script as psql does. It is a single pass
 * over the characters without regular expressions or per-token allocation.
 */
public final class ScriptLexer {

    private final String text;
    private final int length;
    private final List<Chunk> chunks = new ArrayList<>();

    // per-statement state, as psql keeps it
    private int parenDepth;
    private int beginDepth;
    private int identifierCount;
    private final char[] identifiers = new char[4];
    private int copyState; // 0: not COPY, 1: COPY seen, 2: FROM seen, 3: FROM STDIN seen, -1: not a COPY FROM STDIN
    private int[] refs;
    private int refCount;
    private Unterminated unterminated;

    /**
     * {@code Construct} is a part of SQL text that must be closed: what runs to the end of the text when it is not.
     */
    public enum Construct {
        /** {@code /* ... *}{@code /}, which nests. */
        BLOCK_COMMENT,
        /** {@code '...'} (also {@code U&'...'}, {@code B'...'}, {@code X'...'}). */
        STRING,
        /** {@code E'...'}, where a backslash escapes the next character. */
        ESCAPE_STRING,
        /** {@code $tag$ ... $tag$}. */
        DOLLAR_QUOTE,
        /** {@code "..."}. */
        QUOTED_IDENTIFIER
    }

    /**
     * {@code Unterminated} is a construct that is still open at the end of the text.
     *
     * @param construct what it is
     * @param offset where it opens: its first character ({@code /}, the quote, the {@code E} of {@code E'}, the
     *     {@code $} of the tag)
     * @param tag for a dollar quote, its delimiter (e.g. {@code $body$}); else {@code null}
     * @param nestedOffset for a block comment holding a nested {@code /*}: where the first nested one opens; else -1
     */
    public record Unterminated(Construct construct, int offset, String tag, int nestedOffset) {
    }

    /**
     * {@code Result} is a script cut into chunks, and the construct left open at its end, if any.
     *
     * @param chunks the chunks, covering the text exactly, in order
     * @param unterminated the construct that runs to the end of the text, if one does
     */
    public record Result(List<Chunk> chunks, Optional<Unterminated> unterminated) {
    }

    private ScriptLexer(String text) {
        this.text = text;
        this.length = text.length();
    }

    /**
     * Cuts a script into chunks.
     *
     * @param text the script's text (without a byte order mark)
     * @return the chunks, covering {@code text} exactly, in order
     */
    public static List<Chunk> split(String text) {
        return lex(text).chunks();
    }

    /**
     * Cuts a script into chunks and says which construct, if any, is left open at its end.
     *
     * @param text the script's text (without a byte order mark)
     * @return the chunks and the open construct
     */
    public static Result lex(String text) {
        ScriptLexer lexer = new ScriptLexer(text);
        lexer.run();
        return new Result(lexer.chunks, Optional.ofNullable(lexer.unterminated));
    }

    private int open(Construct construct, int offset, String tag, int nestedOffset) {
        unterminated = new Unterminated(construct, offset, tag, nestedOffset);
        return length;
    }

    private void run() {
        int gapStart = 0;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                i = lineEnd(i);
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                i = skipBlockComment(i);
            } else if (c == '\\') {
                addGap(gapStart, i);
                int end = lineEnd(i);
                chunks.add(new Chunk(Chunk.Kind.META, i, end, end, false, null));
                i = end;
                gapStart = i;
            } else {
                addGap(gapStart, i);
                i = statement(i);
                gapStart = i;
            }
        }
        addGap(gapStart, length);
    }

    private void addGap(int start, int end) {
        if (end > start) {
            chunks.add(new Chunk(Chunk.Kind.GAP, start, end, end, false, null));
        }
    }

    /** Scans one statement starting at {@code start}; returns the offset after it (and after its COPY data). */
    private int statement(int start) {
        parenDepth = 0;
        beginDepth = 0;
        identifierCount = 0;
        copyState = 0;
        refs = null;
        refCount = 0;
        int i = start;
        while (i < length) {
            char c = text.charAt(i);
            switch (c) {
                case '\'':
                    i = skipString(i, i + 1, false);
                    break;
                case '"':
                    i = skipQuotedIdentifier(i + 1);
                    break;
                case '$':
                    i = dollar(i);
                    break;
                case '-':
                    i = (i + 1 < length && text.charAt(i + 1) == '-') ? lineEnd(i) : i + 1;
                    break;
                case '/':
                    i = (i + 1 < length && text.charAt(i + 1) == '*') ? skipBlockComment(i) : i + 1;
                    break;
                case '(':
                    parenDepth++;
                    i++;
                    break;
                case ')':
                    if (parenDepth > 0) {
                        parenDepth--;
                    }
                    i++;
                    break;
                case ':':
                    i = colon(i);
                    break;
                case ';':
                    if (parenDepth == 0 && beginDepth == 0) {
                        return endStatement(start, i, i + 1);
                    }
                    i++;
                    break;
                case '\\':
                    // psql runs a meta-command even in the middle of a statement; the statement ends here, unterminated
                    return endUnterminated(start, i);
                default:
                    if (isIdentifierStart(c)) {
                        i = identifier(i);
                    } else if (c >= '0' && c <= '9') {
                        i = number(i);
                    } else {
                        i++;
                    }
            }
        }
        return endUnterminated(start, length);
    }

    /** Ends a statement without {@code ;}; its trailing whitespace goes to the following gap. */
    private int endUnterminated(int start, int at) {
        int end = trimEnd(start, at);
        return endStatement(start, end, end);
    }

    private int trimEnd(int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private int endStatement(int start, int bodyEnd, int end) {
        boolean copy = copyState == 3 && end > bodyEnd;
        int[] variableRefs = refs == null ? null : java.util.Arrays.copyOf(refs, refCount);
        chunks.add(new Chunk(Chunk.Kind.STATEMENT, start, end, bodyEnd, copy, variableRefs));
        if (!copy) {
            return end;
        }
        int dataEnd = copyDataEnd(end);
        if (dataEnd > end) {
            chunks.add(new Chunk(Chunk.Kind.COPY_DATA, end, dataEnd, dataEnd, false, null));
        }
        return dataEnd;
    }

    /** Finds the end of COPY data starting at {@code from} (the rest of the COPY line, then lines up to {@code \.}). */
    private int copyDataEnd(int from) {
        int nl = text.indexOf('\n', from);
        if (nl < 0) {
            return length;
        }
        int line = nl + 1;
        while (line < length) {
            int next = text.indexOf('\n', line);
            int lineEnd = next < 0 ? length : next;
            if (text.charAt(line) == '\\' && line + 1 < length && text.charAt(line + 1) == '.'
                    && (lineEnd == line + 2 || (lineEnd == line + 3 && text.charAt(line + 2) == '\r'))) {
                return next < 0 ? length : next + 1;
            }
            if (next < 0) {
                return length;
            }
            line = next + 1;
        }
        return length;
    }

    /** Returns the offset of the line break ending the line that contains {@code i}, or the end of the text. */
    private int lineEnd(int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? length : nl;
    }

    private int skipBlockComment(int start) {
        int depth = 0;
        int nested = -1;
        int i = start;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                if (depth > 0 && nested < 0) {
                    nested = i;
                }
                depth++;
                i += 2;
            } else if (c == '*' && i + 1 < length && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return open(Construct.BLOCK_COMMENT, start, null, nested);
    }

    /**
     * Skips a string body starting after its opening quote; {@code ''} is a quote, and {@code \x} with escapes.
     *
     * @param opener the offset of the opening quote, or of the {@code E} of {@code E'}
     */
    private int skipString(int opener, int from, boolean backslashEscapes) {
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < length && text.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else if (c == '\\' && backslashEscapes) {
                i += 2;
            } else {
                i++;
            }
        }
        return open(backslashEscapes ? Construct.ESCAPE_STRING : Construct.STRING, opener, null, -1);
    }

    private int skipQuotedIdentifier(int from) {
        int i = from;
        while (i < length) {
            if (text.charAt(i) == '"') {
                if (i + 1 < length && text.charAt(i + 1) == '"') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return open(Construct.QUOTED_IDENTIFIER, from - 1, null, -1);
    }

    /** At a {@code $}: a dollar quote {@code $tag$...$tag$}, else a parameter like {@code $1} or a lone dollar. */
    private int dollar(int start) {
        int j = start + 1;
        if (j < length && isTagStart(text.charAt(j))) {
            j++;
            while (j < length && isTagPart(text.charAt(j))) {
                j++;
            }
        }
        if (j < length && text.charAt(j) == '$') {
            String tag = text.substring(start, j + 1);
            int close = text.indexOf(tag, j + 1);
            return close < 0 ? open(Construct.DOLLAR_QUOTE, start, tag, -1) : close + tag.length();
        }
        return start + 1;
    }

    private int colon(int i) {
        if (i + 1 >= length) {
            return i + 1;
        }
        char next = text.charAt(i + 1);
        if (next == ':') {
            return i + 2; // a cast, never a variable
        }
        if (next == '\'' || next == '"' || isVariableChar(next)) {
            if (refs == null) {
                refs = new int[4];
            } else if (refCount == refs.length) {
                refs = java.util.Arrays.copyOf(refs, refCount * 2);
            }
            refs[refCount++] = i;
        }
        return i + 1;
    }

    private int number(int start) {
        int i = start + 1;
        while (i < length) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '.' || c == '_') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private int identifier(int start) {
        int i = start + 1;
        while (i < length && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        int len = i - start;
        if (len == 1 && (text.charAt(start) == 'E' || text.charAt(start) == 'e') && i < length
                && text.charAt(i) == '\'') {
            return skipString(start, i + 1, true);
        }
        track(start, len);
        return i;
    }

    /** psql's heuristic for {@code BEGIN ATOMIC ... END} bodies, plus recognising {@code COPY ... FROM STDIN}. */
    private void track(int start, int len) {
        if (identifierCount < 4) {
            char mark = 0;
            if (is(start, len, "create") || is(start, len, "function") || is(start, len, "procedure")
                    || is(start, len, "or") || is(start, len, "replace")) {
                mark = Character.toLowerCase(text.charAt(start));
            }
            identifiers[identifierCount] = mark;
        }
        if (identifierCount == 0) {
            copyState = is(start, len, "copy") ? 1 : -1;
        } else if (copyState > 0 && parenDepth == 0) {
            if (copyState == 2) {
                copyState = is(start, len, "stdin") ? 3 : 1;
            } else if (is(start, len, "from")) {
                copyState = 2;
            } else if (copyState == 3) {
                copyState = 3; // options after FROM STDIN (WITH, CSV, ...) keep it a COPY FROM STDIN
            } else {
                copyState = 1;
            }
        }
        identifierCount++;
        if (identifierCount > 1 && parenDepth == 0 && identifiers[0] == 'c'
                && (identifiers[1] == 'f' || identifiers[1] == 'p'
                        || (identifiers[1] == 'o' && identifierCount > 3 && identifiers[2] == 'r'
                                && (identifiers[3] == 'f' || identifiers[3] == 'p')))) {
            if (is(start, len, "begin")) {
                beginDepth++;
            } else if (is(start, len, "case")) {
                if (beginDepth >= 1) {
                    beginDepth++;
                }
            } else if (is(start, len, "end")) {
                if (beginDepth > 0) {
                    beginDepth--;
                }
            }
        }
    }

    private boolean is(int start, int len, String word) {
        return len == word.length() && text.regionMatches(true, start, word, 0, len);
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private static boolean isTagStart(char c) {
        return isIdentifierStart(c);
    }

    private static boolean isTagPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    /**
     * @param c a character
     * @return whether {@code c} can be part of a psql variable name
     */
    public static boolean isVariableChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
    }
}
