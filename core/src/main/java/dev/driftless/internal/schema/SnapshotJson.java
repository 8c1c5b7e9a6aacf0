package dev.driftless.internal.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftless.DriftlessException;

/**
 * {@code SnapshotJson} is the one Jackson configuration for snapshots and diffs: keys sorted, nulls left out, two-space
 * indentation, {@code \n} line ends on every platform, so the same value always gives the same text.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

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
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
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
