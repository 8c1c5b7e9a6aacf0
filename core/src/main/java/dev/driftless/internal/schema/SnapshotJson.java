package dev.driftless.internal.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftless.DriftlessException;
import dev.driftless.schema.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code SnapshotJson} is the one Jackson configuration for snapshots and diffs: keys sorted, nulls left out, two-space
 * indentation, short objects of plain values on one line, {@code \n} line ends on every platform, so the same value
 * always gives the same text.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.USE_DEFAULTS))
            .addMixIn(Column.class, ColumnMixIn.class)
            .build();

    /** A column's own privileges are written only when it has some, as most columns have none. */
    private abstract static class ColumnMixIn {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> privileges();
    }

    private static final int INLINE_WIDTH = 150;

    private SnapshotJson() {
    }

    /**
     * Writes a value as pretty JSON.
     *
     * @param value a snapshot, diff or other model value
     * @return the text, ending with a newline
     */
    public static String write(Object value) {
        try {
            StringBuilder out = new StringBuilder();
            print(MAPPER.valueToTree(value), out, "");
            return out.append('\n').toString();
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Prints a node: an object or array holding only plain values goes on one line when short (a column, a foreign
     * key, a list of labels), so a golden snapshot reads one object per line and its diffs stay small.
     */
    private static void print(JsonNode node, StringBuilder out, String indent) throws JsonProcessingException {
        if (node.isValueNode()) {
            out.append(MAPPER.writeValueAsString(node));
            return;
        }
        boolean object = node.isObject();
        if (node.isEmpty()) {
            out.append(object ? "{ }" : "[ ]");
            return;
        }
        String inline = inline(node);
        if (inline != null && indent.length() + inline.length() <= INLINE_WIDTH) {
            out.append(inline);
            return;
        }
        String inner = indent + "  ";
        out.append(object ? "{" : "[");
        boolean first = true;
        for (Map.Entry<String, JsonNode> entry : entries(node)) {
            out.append(first ? "\n" : ",\n").append(inner);
            if (object) {
                out.append(MAPPER.writeValueAsString(entry.getKey())).append(" : ");
            }
            print(entry.getValue(), out, inner);
            first = false;
        }
        out.append('\n').append(indent).append(object ? "}" : "]");
    }

    private static String inline(JsonNode node) throws JsonProcessingException {
        StringBuilder text = new StringBuilder(node.isObject() ? "{ " : "[ ");
        boolean first = true;
        for (Map.Entry<String, JsonNode> entry : entries(node)) {
            JsonNode value = entry.getValue();
            if (!value.isValueNode() && !value.isEmpty()) {
                return null;
            }
            text.append(first ? "" : ", ");
            if (node.isObject()) {
                text.append(MAPPER.writeValueAsString(entry.getKey())).append(" : ");
            }
            text.append(value.isValueNode() ? MAPPER.writeValueAsString(value) : value.isObject() ? "{ }" : "[ ]");
            first = false;
        }
        return text.append(node.isObject() ? " }" : " ]").toString();
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(entries::add);
        } else {
            node.forEach(element -> entries.add(Map.entry("", element)));
        }
        return entries;
    }

    /**
     * Reads a value written by {@link #write(Object)}.
     *
     * @param json the text
     * @param type the value's type
     * @param source where the text comes from, for messages (a file name)
     * @param <T> the type
     * @return the value
     * @throws DriftlessException naming the source, line and column when the text does not fit
     */
    public static <T> T read(String json, Class<T> type, String source) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new DriftlessException(where + ": not a Driftless schema snapshot: " + e.getOriginalMessage()
                    + ". Write snapshots with SchemaSnapshot.toJson() or writeTo(Path), and regenerate a hand-edited"
                    + " file rather than fixing it by hand.", e);
        }
    }
}
