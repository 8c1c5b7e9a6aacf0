package dev.driftless.junit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the annotation attributes that are lists: {@code "name=value"} entries and their descriptions. */
final class NameValues {

    private NameValues() {
    }

    /**
     * @param entries {@code "name=value"} entries, trimmed
     * @return the map, in the order written (a later entry for a name wins); malformed entries are left out
     */
    static Map<String, String> parse(List<String> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int at = nameEnd(entry);
            if (at > 0) {
                map.put(entry.substring(0, at).strip(), entry.substring(at + 1).strip());
            }
        }
        return map;
    }

    /** @return the index of the {@code =} that ends an entry's name, or -1 when the entry is not name=value */
    private static int nameEnd(String entry) {
        int at = entry.indexOf('=');
        return at > 0 && !entry.substring(0, at).isBlank() ? at : -1;
    }

    /**
     * Describes the malformed entries of an attribute, for a validation message.
     *
     * @param where the attribute as the user writes it, e.g. {@code flyway = @FlywayConfig(placeholders = ...)}
     * @param attribute the attribute's name, e.g. {@code placeholders}
     * @param entries the entries
     * @param problems where to add one problem per malformed entry
     */
    static void checkEntries(String where, String attribute, List<String> entries, List<String> problems) {
        for (String entry : entries) {
            if (nameEnd(entry) < 0) {
                problems.add(where + " has an entry that is not name=value: \"" + entry + "\"; write each entry as"
                        + " name=value, e.g. " + attribute + " = \"currency=EUR\"");
            }
        }
    }

    /**
     * @param name the attribute
     * @param values its values
     * @return {@code name = "a"} or {@code name = {"a", "b"}}
     */
    static String attribute(String name, List<String> values) {
        return name + " = " + (values.size() == 1 ? "\"" + values.get(0) + "\""
                : "{\"" + String.join("\", \"", values) + "\"}");
    }

    /**
     * Appends a list attribute to a description when it has values.
     *
     * @param parts the description's parts
     * @param name the attribute
     * @param values its values
     */
    static void addList(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(attribute(name, values));
        }
    }

    /**
     * Appends a text attribute to a description when it is set.
     *
     * @param parts the description's parts
     * @param name the attribute
     * @param value its value
     */
    static void addText(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + " = \"" + value + "\"");
        }
    }

    /**
     * @param values annotation values
     * @return them trimmed, blank ones left out
     */
    static List<String> trimmed(String[] values) {
        return java.util.Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
