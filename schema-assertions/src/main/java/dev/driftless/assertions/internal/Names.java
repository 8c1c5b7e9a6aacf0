package dev.driftless.assertions.internal;

import dev.driftless.schema.SchemaSnapshot;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Names} normalises what users write in assertions so it compares with what PostgreSQL prints: type aliases
 * ({@code timestamptz} → {@code timestamp with time zone}) and expressions (outer parentheses and runs of white space),
 * and shows names as people read them ({@link #display}). Object names are resolved by {@link SchemaSnapshot}'s
 * lookups, never here.
 */
public final class Names {

    private static final Map<String, String> TYPE_ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("bool", "boolean"), Map.entry("float8", "double precision"),
            Map.entry("float4", "real"), Map.entry("float", "double precision"), Map.entry("decimal", "numeric"),
            Map.entry("varchar", "character varying"), Map.entry("char", "character"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"), Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("serial", "integer"),
            Map.entry("bigserial", "bigint"), Map.entry("smallserial", "smallint"));
    private static final Pattern TYPE = Pattern.compile("([a-z0-9 _]+?)\\s*(\\(.*\\))?\\s*((\\[\\])*)");

    private Names() {
    }

    /**
     * Qualifies a name as {@link SchemaSnapshot#qualifiedName(String)} does ({@code Party} → {@code public.party});
     * kept for {@code ExpectedFixtures}, which compares the table names of expected-data files with it.
     *
     * @param name {@code party} or {@code billing.invoice}
     * @return {@code public.party} or {@code billing.invoice}
     */
    public static String qualified(String name) {
        return SchemaSnapshot.qualifiedName(name);
    }

    /**
     * Returns a qualified name as people read it: without {@code public.}.
     *
     * @param schema the schema
     * @param name the name
     * @return {@code party} or {@code billing.invoice}
     */
    public static String display(String schema, String name) {
        return schema == null || schema.equals("public") ? name : schema + "." + name;
    }

    /**
     * Normalises a type name the way PostgreSQL prints it, e.g. {@code varchar(10)} → {@code character varying(10)}.
     *
     * @param type a type as written in SQL
     * @return the type as {@code format_type} prints it, for the common aliases; {@code public.} dropped
     */
    public static String type(String type) {
        String lower = type.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (lower.startsWith("public.")) {
            lower = lower.substring("public.".length());
        }
        Matcher m = TYPE.matcher(lower);
        if (!m.matches()) {
            return lower;
        }
        String base = TYPE_ALIASES.getOrDefault(m.group(1), m.group(1));
        String modifiers = m.group(2) == null ? "" : m.group(2).replace(" ", "");
        if (!modifiers.isEmpty() && base.startsWith("timestamp ")) {
            return base.replaceFirst("timestamp", "timestamp" + modifiers) + m.group(3);
        }
        if (!modifiers.isEmpty() && base.startsWith("time ")) {
            return base.replaceFirst("time", "time" + modifiers) + m.group(3);
        }
        return base + modifiers + m.group(3);
    }

    /**
     * Normalises an expression for comparison: runs of white space become one space and outer parentheses go.
     *
     * @param expression e.g. {@code ((cancelled_at IS NULL))}
     * @return e.g. {@code cancelled_at IS NULL}
     */
    public static String expression(String expression) {
        if (expression == null) {
            return null;
        }
        String text = expression.strip().replaceAll("\\s+", " ");
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
