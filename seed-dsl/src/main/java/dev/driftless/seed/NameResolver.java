package dev.driftless.seed;

import dev.driftless.seed.internal.Suggestions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code NameResolver} finds the table or column a fixture or an assertion names, the way PostgreSQL reads a name and
 * Database Rider's {@code caseInsensitiveStrategy: LOWERCASE} matches one. The seeder resolves every table and column
 * of a fixture with it, and the table-data assertions resolve their tables and expected columns with it, so a name
 * that loads also asserts.
 *
 * <ol>
 *   <li>A name written like an unquoted SQL identifier ({@code USER}, {@code Billing.Invoice}) is folded to lower case,
 *       as PostgreSQL folds it, and matches the object spelt that way ({@code user}, {@code billing.invoice}).</li>
 *   <li>Otherwise, or when nothing is spelt that way, the name matches the object spelt exactly as written
 *       ({@code "Order Lines"} created quoted, {@code MyTable} created as {@code "MyTable"}). A part written in double
 *       quotes ({@code "User"}, {@code app."User"}) matches only so.</li>
 *   <li>Otherwise the one object whose name differs only in case matches ({@code user} finds a table created as
 *       {@code "User"}); when several do, the name is ambiguous and {@link #find(String)} says which they are.</li>
 * </ol>
 *
 * <pre>{@code
 * NameResolver<String> columns = NameResolver.of("column", Map.of("id", "id", "Name", "Name"));
 * columns.find("ID");      // Optional[id]: folded
 * columns.find("NAME");    // Optional[Name]: the only one in another case
 * columns.find("nmae");    // Optional.empty; columns.didYouMean("nmae") is "; did you mean \"Name\"?"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> what a name stands for
 */
public final class NameResolver<T> {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final String kind;
    private final Map<String, T> byName;
    private final Map<String, List<String>> byLowerCase = new HashMap<>();
    private final List<String> suggested;

    private NameResolver(String kind, Map<String, ? extends T> byName, Collection<String> suggested) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        this.byName.keySet().forEach(name -> byLowerCase.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(name));
        this.suggested = List.copyOf(suggested);
    }

    /**
     * Returns a resolver over names as the catalog spells them.
     *
     * @param kind what the names are, for messages: {@code "table"} or {@code "column"}
     * @param byName name → object; several names may stand for one object (a table's bare and qualified names)
     * @param <T> what a name stands for
     * @return the resolver, never {@code null}
     */
    public static <T> NameResolver<T> of(String kind, Map<String, ? extends T> byName) {
        return new NameResolver<>(kind, byName, byName.keySet());
    }

    /**
     * Returns a resolver over names as the catalog spells them, suggesting only some of them for misspelt names.
     *
     * @param kind what the names are, for messages: {@code "table"} or {@code "column"}
     * @param byName name → object; several names may stand for one object
     * @param suggested the names {@link #didYouMean(String)} may suggest (a table's name as users write it)
     * @param <T> what a name stands for
     * @return the resolver, never {@code null}
     */
    public static <T> NameResolver<T> of(String kind, Map<String, ? extends T> byName, Collection<String> suggested) {
        return new NameResolver<>(kind, byName, suggested);
    }

    /**
     * Finds what a name stands for.
     *
     * @param written the name as a fixture or a test writes it
     * @return the object, or empty when no name matches
     * @throws SeedException when the name matches several objects only by case, naming them
     */
    public Optional<T> find(String written) {
        Objects.requireNonNull(written, "written");
        List<String> parts = parts(written);
        boolean quoted = parts.stream().anyMatch(p -> p.startsWith("\""));
        boolean identifiers = parts.stream().allMatch(p -> p.startsWith("\"") || IDENTIFIER.matcher(p).matches());
        if (identifiers) {
            T folded = byName.get(join(parts, true));
            if (folded != null) {
                return Optional.of(folded);
            }
        }
        T exact = byName.get(join(parts, false));
        if (exact != null || quoted) {
            return Optional.ofNullable(exact);
        }
        List<String> sameLetters = byLowerCase.getOrDefault(written.toLowerCase(Locale.ROOT), List.of());
        Map<T, String> targets = new IdentityHashMap<>();
        for (String name : sameLetters) {
            targets.putIfAbsent(byName.get(name), name);
        }
        if (targets.size() > 1) {
            List<String> names = new ArrayList<>(targets.values());
            Collections.sort(names);
            throw new SeedException(kind + " \"" + written + "\" is ambiguous: " + names.size() + " " + kind
                    + "s differ from it only in case, " + listed(names) + ". Write the name exactly as the " + kind
                    + " you mean is spelt.");
        }
        return targets.keySet().stream().findFirst();
    }

    /**
     * Formats the "did you mean" part of a message for a name {@link #find(String)} did not find.
     *
     * @param written the name as written
     * @return {@code "; did you mean \"x\"?"}, or an empty string when no name is close
     */
    public String didYouMean(String written) {
        return Suggestions.didYouMean(written, suggested);
    }

    /** @return every name, as the catalog spells it, in the order given */
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public String toString() {
        return "NameResolver[" + kind + "s " + suggested + "]";
    }

    private static String listed(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append('"').append(names.get(i)).append('"');
        }
        return sb.toString();
    }

    /** Splits at dots outside double quotes; quoted parts keep their quotes. */
    private static List<String> parts(String written) {
        List<String> parts = new ArrayList<>(2);
        StringBuilder part = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (c == '.' && !inQuotes) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String join(List<String> parts, boolean fold) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i > 0) {
                sb.append('.');
            }
            if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
                sb.append(part, 1, part.length() - 1);
            } else {
                sb.append(fold ? part.toLowerCase(Locale.ROOT) : part);
            }
        }
        return sb.toString().replace("\"\"", "\"");
    }
}
