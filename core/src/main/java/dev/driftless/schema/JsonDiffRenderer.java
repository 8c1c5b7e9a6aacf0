package dev.driftless.schema;

import dev.driftless.internal.schema.SnapshotJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JsonDiffRenderer} renders a {@link SchemaDiff} as pretty JSON with sorted keys for tools: the changes in diff
 * order, each with its object identity, type, property, old and new values, category and (constraints)
 * {@code constraintType}; {@code groups}, the shapes
 * that repeat (kind, {@code constraintType} for constraints, type, property, values, category, {@code count} and every one of their {@code objects}; empty
 * when none does); a count per category; and
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
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DiffGroups.Shape shape : DiffGroups.shapes(diff)) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("category", shape.category());
            if (shape.constraintType() != null) {
                group.put("constraintType", shape.constraintType());
            }
            group.put("count", shape.objects().size());
            if (shape.from() != null) {
                group.put("from", shape.from());
            }
            group.put("kind", shape.kind());
            group.put("objects", shape.objects());
            if (shape.property() != null) {
                group.put("property", shape.property());
            }
            if (shape.to() != null) {
                group.put("to", shape.to());
            }
            group.put("type", shape.type());
            groups.add(group);
        }
        document.put("groups", groups);
        if (!diff.notCompared().isEmpty()) {
            document.put("notCompared", diff.notCompared());
        }
        document.put("options", diff.options());
        document.put("summary", DiffGroups.summary(diff));
        return SnapshotJson.write(document);
    }
}
