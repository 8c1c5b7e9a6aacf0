package dev.driftless.internal.schema;

import dev.driftless.schema.Routine;
import dev.driftless.schema.SchemaSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FunctionNames} leaves out a {@code pg_catalog.} qualifier of a function call where the unqualified name can
 * only call the same built-in function, for {@link dev.driftless.schema.Equivalence#FUNCTION_QUALIFICATION}.
 *
 * <p>Expressions the server prints (defaults, checks, views, index expressions, policies, trigger definitions,
 * generated columns) are read with {@code search_path = pg_catalog} ({@link dev.driftless.schema.SchemaInspector}),
 * so an unqualified call printed there is a {@code pg_catalog} function: {@code pg_catalog.f(} and {@code f(} are the
 * same call. A function's body is text resolved when it runs, through the function's own {@code SET search_path};
 * there the two are the same call only when no schema on that path holds a function of that name or an extension
 * (whose functions snapshots do not list); without a {@code SET search_path} the caller's path decides, and they are
 * not. Any other qualifier ({@code public.f(} against {@code f(}) is kept: a printed {@code f(} is not
 * {@code public.f}, and in a body a built-in of the same name, which a snapshot cannot see, may take the call.
 */
final class FunctionNames {

    private static final String CATALOG = "pg_catalog.";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\"");

    private FunctionNames() {
    }

    /**
     * Returns a printed expression without the {@code pg_catalog.} qualifier of its function calls.
     *
     * @param expression the expression, or {@code null}
     * @return the expression to compare
     */
    static String printed(String expression) {
        return withoutCatalog(expression, name -> true);
    }

    /**
     * Returns a function's body without the {@code pg_catalog.} qualifier of the calls its {@code SET search_path}
     * cannot send elsewhere, or the body as it is when the function sets no {@code search_path}.
     *
     * @param routine the function, in {@code snapshot}
     * @param snapshot the snapshot holding it
     * @return the body to compare
     */
    static String body(Routine routine, SchemaSnapshot snapshot) {
        Optional<List<String>> path = searchPath(routine);
        if (path.isEmpty()) {
            return routine.body();
        }
        List<String> schemas = path.get();
        if (snapshot.extensions().stream().anyMatch(e -> schemas.contains(e.schema()))) {
            return routine.body();
        }
        return withoutCatalog(routine.body(), name -> snapshot.functions().stream()
                .noneMatch(f -> f.name().equals(name) && schemas.contains(f.schema())));
    }

    /**
     * Returns the schemas of a function's {@code SET search_path}, without {@code pg_catalog} and {@code pg_temp}
     * (never searched for functions); empty when it sets none, or names {@code $user} (a schema that depends on
     * who calls).
     */
    private static Optional<List<String>> searchPath(Routine routine) {
        for (String setting : routine.settings()) {
            if (setting.startsWith("search_path=")) {
                List<String> schemas = new ArrayList<>();
                for (String part : setting.substring("search_path=".length()).split(",")) {
                    String schema = part.strip();
                    if (schema.startsWith("\"") && schema.endsWith("\"") && schema.length() > 1) {
                        schema = schema.substring(1, schema.length() - 1).replace("\"\"", "\"");
                    }
                    if (schema.equals("$user")) {
                        return Optional.empty();
                    }
                    if (!schema.isEmpty() && !schema.equals("pg_catalog") && !schema.equals("pg_temp")) {
                        schemas.add(schema);
                    }
                }
                return Optional.of(schemas);
            }
        }
        return Optional.empty();
    }

    /** Leaves out {@code pg_catalog.} before {@code name(} outside strings and quoted names, where allowed. */
    private static String withoutCatalog(String text, Predicate<String> onlyTheBuiltIn) {
        if (text == null || !text.contains(CATALOG)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = PrintedQuery.closing(text, i);
                out.append(text, i, end + 1);
                i = end;
                continue;
            }
            if (text.startsWith(CATALOG, i) && (i == 0 || !isNamePart(text.charAt(i - 1)))) {
                Matcher name = NAME.matcher(text).region(i + CATALOG.length(), text.length());
                if (name.lookingAt() && name.end() < text.length() && text.charAt(name.end()) == '('
                        && onlyTheBuiltIn.test(unquoted(name.group()))) {
                    i += CATALOG.length() - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String unquoted(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '"';
    }
}
