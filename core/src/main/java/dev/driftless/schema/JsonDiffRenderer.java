package dev.driftless.schema;

import dev.driftless.internal.schema.SnapshotJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code JsonDiffRenderer} renders a {@link SchemaDiff} as pretty JSON with sorted keys for tools: the changes in diff
 * order, each with its object identity, type, property, old and new values and category; a count per category; and
 * the options used; and, when some kinds of objects were found but not compared, {@code notCompared} with their counts.
 */
public final class JsonDiffRenderer implements DiffRenderer {

    @Override
    public String render(SchemaDiff diff) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Change change : diff.changes()) {
            counts.merge(change.category().name(), 1L, Long::sum);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("changes", diff.changes());
        document.put("counts", counts);
        if (!diff.notCompared().isEmpty()) {
            document.put("notCompared", diff.notCompared());
        }
        document.put("options", diff.options());
        document.put("summary", DiffGroups.summary(diff));
        return SnapshotJson.write(document);
    }
}
