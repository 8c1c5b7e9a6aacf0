package dev.driftless.seed.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.seed.SeedException;
import dev.driftless.seed.SeededRow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code AliasText} writes the aliased rows of a seeder as JSON text and reads them back, so that a seeder of a copy of
 * a database (a test's copy of a template) starts with the aliases of the loads into the original:
 * {@code [{"alias": "gateway", "table": "party", "tableKey": "public.party", "where": "...", "values": {...}}]}.
 */
public final class AliasText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AliasText() {
    }

    /**
     * Writes entries as text.
     *
     * @param entries alias → entry
     * @return the JSON text
     */
    public static String write(Map<String, AliasRegistry.Entry> entries) {
        ArrayNode array = JSON.createArrayNode();
        entries.forEach((alias, entry) -> {
            ObjectNode node = array.addObject();
            node.put("alias", alias).put("table", entry.row().table()).put("tableKey", entry.tableKey())
                    .put("where", entry.where());
            ObjectNode values = node.putObject("values");
            entry.row().values().forEach(values::put);
        });
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads entries from text {@link #write(Map)} wrote.
     *
     * @param text the JSON text
     * @return alias → entry, in the order written
     * @throws SeedException when the text is not such JSON
     */
    public static Map<String, AliasRegistry.Entry> read(String text) {
        Map<String, AliasRegistry.Entry> entries = new LinkedHashMap<>();
        try {
            for (JsonNode node : JSON.readTree(text)) {
                Map<String, String> values = new LinkedHashMap<>();
                node.get("values").properties().forEach(e -> values.put(e.getKey(),
                        e.getValue().isNull() ? null : e.getValue().asText()));
                String alias = node.get("alias").asText();
                entries.put(alias, new AliasRegistry.Entry(node.get("tableKey").asText(),
                        new SeededRow(alias, node.get("table").asText(), values), node.get("where").asText()));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SeedException("Cannot read the aliases of earlier loads: " + e.getMessage()
                    + ". Pass the text Seeder.aliasesAsText() returned.", e);
        }
        return entries;
    }
}
