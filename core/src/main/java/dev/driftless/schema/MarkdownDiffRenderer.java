package dev.driftless.schema;

import dev.driftless.internal.schema.Escapes;

/**
 * {@code MarkdownDiffRenderer} renders a {@link SchemaDiff} as Markdown for pull-request comments and CI summaries: a
 * heading with the summary, then one section per table or object with a table of its changes, most important first.
 * Names and values are escaped: an object named {@code <img src=x onerror=alert(1)>} or {@code a|b} reads as written
 * and can neither open HTML nor break the table.
 */
public final class MarkdownDiffRenderer implements DiffRenderer {

    @Override
    public String render(SchemaDiff diff) {
        StringBuilder md = new StringBuilder("# Schema differences\n\n");
        md.append(capitalise(DiffGroups.summary(diff))).append(".\n");
        for (DiffGroups.Group group : DiffGroups.of(diff)) {
            md.append("\n## ").append(escape(group.title())).append("\n\n");
            md.append("| Object | Change | From | To | Category |\n");
            md.append("|---|---|---|---|---|\n");
            for (Change change : group.changes()) {
                String object = DiffGroups.objectLabel(change);
                md.append("| ").append(object.isEmpty() ? "—" : escape(object))
                        .append(" | ").append(escape(DiffGroups.what(change)))
                        .append(" | ").append(code(change.from()))
                        .append(" | ").append(code(change.to()))
                        .append(" | ").append(change.category().label()).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String code(String value) {
        if (value == null) {
            return "";
        }
        // Inside a table cell a code span cannot hold a newline, so each line becomes its own span.
        StringBuilder cell = new StringBuilder();
        String[] lines = value.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                cell.append("<br>");
            }
            cell.append(Escapes.markdownCode(lines[i]));
        }
        return cell.toString();
    }

    private static String escape(String text) {
        return Escapes.markdown(text);
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
