package dev.driftless.schema;

import dev.driftless.internal.schema.Escapes;

/**
 * {@code MarkdownDiffRenderer} renders a {@link SchemaDiff} as Markdown for pull-request comments and CI summaries: a
 * heading with the summary, a "Repeated differences" table when differences of one shape repeat (count, change,
 * values, objects), then one section per table or object with a table of its changes, most important first.
 * Names and values are escaped: an object named {@code <img src=x onerror=alert(1)>} or {@code a|b} reads as written
 * and can neither open HTML nor break the table.
 */
public final class MarkdownDiffRenderer implements DiffRenderer {

    @Override
    public String render(SchemaDiff diff) {
        StringBuilder md = new StringBuilder("# Schema differences\n\n");
        md.append(DiffGroups.capitalise(DiffGroups.summary(diff))).append(".\n");
        java.util.List<DiffGroups.Shape> shapes = DiffGroups.shapes(diff);
        if (!shapes.isEmpty()) {
            md.append("\n## Repeated differences\n\n");
            md.append("| Count | Change | From | To | Category | Objects |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (DiffGroups.Shape shape : shapes) {
                md.append("| ").append(shape.objects().size())
                        .append(" | ").append(escape(shape.title()))
                        .append(" | ").append(cell(shape.from()))
                        .append(" | ").append(cell(shape.to()))
                        .append(" | ").append(shape.category().label())
                        .append(" | ").append(escape(shape.listed())).append(" |\n");
            }
        }
        for (DiffGroups.Group group : DiffGroups.of(diff)) {
            md.append("\n## ").append(escape(group.title())).append("\n\n");
            md.append("| Object | Change | From | To | Category |\n");
            md.append("|---|---|---|---|---|\n");
            for (Change change : group.changes()) {
                String object = DiffGroups.objectLabel(change);
                md.append("| ").append(object.isEmpty() ? "—" : escape(object))
                        .append(" | ").append(escape(DiffGroups.what(change)))
                        .append(" | ").append(cell(change.from()))
                        .append(" | ").append(cell(change.to()))
                        .append(" | ").append(change.category().label()).append(" |\n");
            }
        }
        if (diff.notComparedNote() != null) {
            md.append("\n> ").append(escape(DiffGroups.capitalise(diff.notComparedNote()))).append(".\n");
        }
        return md.toString();
    }

    private static String cell(String value) {
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
            cell.append(code(lines[i]));
        }
        return cell.toString();
    }

    /**
     * Escapes text for Markdown inline content (a heading, a list item, a table cell), as this renderer writes names:
     * it reads as written and can open neither HTML, emphasis, links or code spans, nor a new table cell or line.
     *
     * <pre>{@code
     * MarkdownDiffRenderer.escape("a|b <i>")   // a\|b &lt;i&gt;
     * }</pre>
     *
     * @param text the text, never {@code null}
     * @return the escaped text, on one line (line breaks and other control characters shown as {@code <U+000A>})
     */
    public static String escape(String text) {
        return Escapes.markdown(text);
    }

    /**
     * Writes one line of text as a Markdown code span that is safe in a table cell, as this renderer writes values:
     * the fence is longer than any run of backticks inside, pipes are escaped, control characters shown.
     *
     * <pre>{@code
     * MarkdownDiffRenderer.code("a`b")   // ``a`b``
     * }</pre>
     *
     * @param line the text, without line breaks (they are shown as {@code <U+000A>})
     * @return the code span
     */
    public static String code(String line) {
        return Escapes.markdownCode(line);
    }

    /**
     * Writes text as a fenced Markdown code block that the text cannot close, e.g. a script failure with its statement.
     *
     * <pre>{@code
     * MarkdownDiffRenderer.codeBlock("```\nDROP TABLE x;", "text")   // ````text\n```\nDROP TABLE x;\n````\n
     * }</pre>
     *
     * @param text the text, over several lines
     * @param info the info string after the opening fence, e.g. {@code text} or {@code sql}
     * @return the block, ending with a line feed
     */
    public static String codeBlock(String text, String info) {
        return Escapes.markdownBlock(text, info);
    }
}
