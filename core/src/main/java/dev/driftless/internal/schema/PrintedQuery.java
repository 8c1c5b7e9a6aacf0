package dev.driftless.internal.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PrintedQuery} reads a view's query as {@code pg_get_viewdef} prints it, to leave out what only the printing
 * PostgreSQL major version decides. Up to PostgreSQL 15 a view's query held two hidden range-table entries
 * ({@code OLD} and {@code NEW}), so the printer qualified every column even when the query read a single relation
 * ({@code SELECT booking.status FROM public.booking}); from 16 it does not ({@code SELECT status FROM public.booking}).
 *
 * <p>{@link #acrossMajors(String)} drops that qualifier, and only it: when the top-level query reads exactly one
 * relation (one {@code FROM} item, no join, no set operation), the prefix {@code ref.} of that relation's name or alias
 * is left out of the top-level query, never inside a subquery (where it may name an outer query's relation) nor inside
 * a string or a quoted name. Any other query is returned as it is.
 */
final class PrintedQuery {

    private static final String IDENT = "(?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
    /** One relation, optionally {@code ONLY}, schema-qualified, with an optional alias: {@code public.download d}. */
    private static final Pattern RELATION = Pattern.compile("(?:ONLY\\s+)?(?:" + IDENT + "\\.)?(" + IDENT + ")(?:\\s+("
            + IDENT + "))?");
    /** A subquery with an alias: {@code (SELECT ...) sub}. */
    private static final Pattern SUBQUERY = Pattern.compile("\\(.*\\)\\s+(" + IDENT + ")", Pattern.DOTALL);
    private static final Set<String> FROM_ENDS = Set.of("WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT",
            "OFFSET", "FETCH", "FOR");
    private static final Set<String> MANY = Set.of("JOIN", "UNION", "INTERSECT", "EXCEPT");

    private PrintedQuery() {
    }

    /**
     * Returns a printed view query without what PostgreSQL 16 stopped printing (see the class description).
     *
     * @param query the query as {@code pg_get_viewdef} prints it, or {@code null}
     * @return the query to compare, or {@code null}
     */
    static String acrossMajors(String query) {
        if (query == null) {
            return null;
        }
        String ref = singleRelation(query);
        return ref == null ? query : withoutPrefix(query, ref + ".");
    }

    /** A word outside quotes and parentheses, with where it starts and ends. */
    private record Word(String text, int start, int end) {
    }

    /** Returns the name or alias of the one relation the top-level query reads, or {@code null}. */
    private static String singleRelation(String query) {
        List<Word> words = topLevelWords(query);
        Word from = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text().toUpperCase(Locale.ROOT);
            if (MANY.contains(word)) {
                return null;
            }
            boolean distinctFrom = i > 0 && words.get(i - 1).text().equalsIgnoreCase("DISTINCT");
            if (word.equals("FROM") && !distinctFrom) {
                if (from != null) {
                    return null;
                }
                from = words.get(i);
            }
        }
        if (from == null) {
            return null;
        }
        int end = query.length();
        for (Word w : words) {
            if (w.start() > from.end() && FROM_ENDS.contains(w.text().toUpperCase(Locale.ROOT))) {
                end = w.start();
                break;
            }
        }
        String item = query.substring(from.end(), end).strip();
        if (item.endsWith(";")) {
            item = item.substring(0, item.length() - 1).strip();
        }
        Matcher relation = RELATION.matcher(item);
        if (relation.matches()) {
            return relation.group(2) != null ? relation.group(2) : relation.group(1);
        }
        Matcher subquery = SUBQUERY.matcher(item);
        return subquery.matches() && topLevelWords(item).size() == 1 ? subquery.group(1) : null;
    }

    /** Returns the words outside quotes and parentheses, and a {@code ,} at that level as a word of its own. */
    private static List<Word> topLevelWords(String query) {
        List<Word> words = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(query, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ',') {
                words.add(new Word(",", i, i + 1));
            } else if (depth == 0 && isWordStart(c) && (i == 0 || !isWordPart(query.charAt(i - 1)))) {
                int end = i;
                while (end < query.length() && isWordPart(query.charAt(end))) {
                    end++;
                }
                words.add(new Word(query.substring(i, end), i, end));
                i = end - 1;
            }
        }
        if (words.stream().anyMatch(w -> w.text().equals(","))) {
            // a comma in the FROM list is a second relation; elsewhere (the select list) it does not matter
            return commaAware(words);
        }
        return words;
    }

    /** Makes a comma inside the {@code FROM} list count as a join; commas elsewhere are dropped. */
    private static List<Word> commaAware(List<Word> words) {
        List<Word> kept = new ArrayList<>();
        boolean inFrom = false;
        for (Word w : words) {
            String upper = w.text().toUpperCase(Locale.ROOT);
            if (upper.equals("FROM")) {
                inFrom = true;
            } else if (FROM_ENDS.contains(upper)) {
                inFrom = false;
            }
            if (w.text().equals(",")) {
                if (inFrom) {
                    kept.add(new Word("JOIN", w.start(), w.end()));
                }
            } else {
                kept.add(w);
            }
        }
        return kept;
    }

    /** Leaves out {@code prefix} where it qualifies a column of the top-level query. */
    private static String withoutPrefix(String query, String prefix) {
        StringBuilder out = new StringBuilder(query.length());
        Deque<Boolean> subqueries = new ArrayDeque<>(); // one entry per open parenthesis: does it open a subquery?
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (!subqueries.contains(true) && query.startsWith(prefix, i)
                    && (i == 0 || !isWordPart(query.charAt(i - 1)) && query.charAt(i - 1) != '.')
                    && !callsFunction(query, i + prefix.length())) {
                i += prefix.length() - 1;
            } else if (c == '\'' || c == '"') {
                int end = closing(query, i);
                out.append(query, i, end + 1);
                i = end;
            } else {
                if (c == '(') {
                    subqueries.push(opensSubquery(query, i + 1));
                } else if (c == ')' && !subqueries.isEmpty()) {
                    subqueries.pop();
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Tells whether a name followed by {@code (} starts at {@code i}: {@code ref.f(} is a function of schema ref. */
    private static boolean callsFunction(String query, int i) {
        int end = i;
        while (end < query.length() && isWordPart(query.charAt(end))) {
            end++;
        }
        return end > i && end < query.length() && query.charAt(end) == '(';
    }

    private static boolean opensSubquery(String query, int i) {
        String rest = query.substring(i).stripLeading().toUpperCase(Locale.ROOT);
        return rest.startsWith("SELECT") || rest.startsWith("WITH") || rest.startsWith("VALUES");
    }

    /** Returns the index of the quote that closes the string or quoted name opened at {@code start}. */
    static int closing(String query, int start) {
        char quote = query.charAt(start);
        int i = start + 1;
        while (i < query.length()) {
            if (query.charAt(i) == quote) {
                if (i + 1 < query.length() && query.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return query.length() - 1;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
