package dev.driftless.schema;

import dev.driftless.internal.schema.Escapes;

import java.util.List;

/**
 * {@code TextDiffRenderer} renders a {@link SchemaDiff} as plain text for assertion messages and logs: a summary line,
 * then one line per change, grouped by table with the most important first.
 *
 * <pre>
 * 2 differences (2 structure)
 * table booking: column starts_at: type timestamp without time zone → timestamp with time zone
 * table booking: index booking_party_idx: removed (CREATE INDEX booking_party_idx ON public.booking USING btree (party_id))
 * </pre>
 *
 * <p>When differences of one shape repeat (same object kind, change type, property, old and new value and category;
 * names aside), a {@code repeated:} section lists each such shape once with its count and objects, then
 * {@code each difference:} introduces the lines above, one per change as always:
 *
 * <pre>
 * repeated:
 *   41 × foreign key on delete: RESTRICT → NO ACTION (booking.booking_party_fk, ... and 38 more)
 * each difference:
 * </pre>
 *
 * <p>Values spanning several lines (function bodies, view queries) follow on indented {@code -} / {@code +} lines.
 * Changes of a category other than structure name it in brackets, e.g. {@code [column order]}. Control characters
 * in names and values are written visibly ({@code \x1B}), so the text is safe to print on a terminal.
 */
public final class TextDiffRenderer implements DiffRenderer {

    @Override
    public String render(SchemaDiff diff) {
        String note = diff.notComparedNote();
        return diff.summary() + "\n" + renderChanges(diff) + (note == null ? "" : note + "\n");
    }

    /**
     * Renders the changes without the summary line, for callers that show {@link SchemaDiff#summary()} elsewhere
     * (e.g. on the line that names the check).
     *
     * <pre>{@code
     * new TextDiffRenderer().renderChanges(diff);
     * // table booking: column starts_at: type timestamp without time zone → timestamp with time zone\n
     * }</pre>
     *
     * @param diff the diff
     * @return one line per change, each ending with a line feed, after the {@code repeated:} section when shapes
     *     repeat; empty for an empty diff
     */
    public String renderChanges(SchemaDiff diff) {
        StringBuilder text = new StringBuilder();
        List<DiffGroups.Shape> shapes = DiffGroups.shapes(diff);
        if (!shapes.isEmpty()) {
            text.append("repeated:\n");
            for (DiffGroups.Shape shape : shapes) {
                text.append("  ").append(shape.objects().size()).append(" × ").append(Escapes.visible(shape.title()));
                switch (shape.type()) {
                    case ADDED -> appendSummary(text, shape.to());
                    case REMOVED -> appendSummary(text, shape.from());
                    default -> appendValues(text, shape.from(), shape.to());
                }
                text.append(category(shape.category())).append(" (").append(Escapes.visible(shape.listed()))
                        .append(")\n");
            }
            text.append("each difference:\n");
        }
        for (DiffGroups.Group group : DiffGroups.of(diff)) {
            for (Change change : group.changes()) {
                text.append(Escapes.visible(group.title())).append(": ");
                String object = DiffGroups.objectLabel(change);
                if (!object.isEmpty()) {
                    text.append(Escapes.visible(object)).append(": ");
                }
                appendChange(text, change);
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static void appendChange(StringBuilder text, Change change) {
        switch (change.type()) {
            case ADDED -> text.append("added").append(change.to() == null ? "" : " (" + change.to() + ")")
                    .append(category(change));
            case REMOVED -> text.append("removed").append(change.from() == null ? "" : " (" + change.from() + ")")
                    .append(category(change));
            default -> {
                text.append(change.property());
                if (DiffGroups.isLong(change.from()) || DiffGroups.isLong(change.to())) {
                    text.append(" changed").append(category(change)).append(':');
                    appendLines(text, '-', change.from());
                    appendLines(text, '+', change.to());
                } else {
                    text.append(' ').append(value(change.from())).append(" → ").append(value(change.to()))
                            .append(category(change));
                }
            }
        }
    }

    private static String category(Change change) {
        return category(change.category());
    }

    private static String category(ChangeCategory category) {
        return category == ChangeCategory.STRUCTURE ? "" : " [" + category.label() + "]";
    }

    private static void appendSummary(StringBuilder text, String summary) {
        if (summary != null && !DiffGroups.isLong(summary)) {
            text.append(" (").append(value(summary)).append(')');
        }
    }

    /** Appends {@code : old → new}, or {@code  changed} when a value spans lines (it follows in the details). */
    private static void appendValues(StringBuilder text, String from, String to) {
        if (DiffGroups.isLong(from) || DiffGroups.isLong(to)) {
            text.append(" changed");
        } else {
            text.append(": ").append(value(from)).append(" → ").append(value(to));
        }
    }

    private static void appendLines(StringBuilder text, char marker, String value) {
        for (String line : value(value).split("\n", -1)) {
            text.append("\n    ").append(marker);
            if (!line.isEmpty()) {
                text.append(' ').append(line);
            }
        }
    }

    private static String value(String value) {
        return value == null ? "(none)" : Escapes.visibleKeepingLines(value);
    }
}
