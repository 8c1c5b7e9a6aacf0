package dev.driftless.schema;

import dev.driftless.internal.schema.Escapes;

/**
 * {@code HtmlDiffRenderer} renders a {@link SchemaDiff} as one self-contained HTML page (inline CSS, no scripts, no
 * external resources) that a person can open and read at a glance: a summary, a card of the repeated differences (one
 * row per shape with its count and a collapsible list of its objects) when shapes repeat, then one card per table or
 * object, most important first, each change with coloured old and new values and its category. Every name and value is
 * HTML-escaped, control characters shown as {@code \x1B}.
 */
public final class HtmlDiffRenderer implements DiffRenderer {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1f2328;background:#f6f8fa}
            h1{font-size:1.4rem;margin:0 0 .3rem}
            p.summary{margin:0 0 1.5rem;color:#57606a}
            section{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:0 0 1rem;overflow:hidden}
            h2{font-size:1rem;margin:0;padding:.6rem .9rem;background:#f6f8fa;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;width:100%}
            td,th{padding:.4rem .9rem;text-align:left;vertical-align:top;border-top:1px solid #eaeef2;font-size:.9rem}
            th{font-weight:600;color:#57606a;border-top:none}
            pre{margin:0;white-space:pre-wrap;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}
            .from pre{background:#ffebe9;padding:.1rem .3rem}.to pre{background:#dafbe1;padding:.1rem .3rem}
            .added{color:#1a7f37;font-weight:600}.removed{color:#cf222e;font-weight:600}
            .cat{display:inline-block;padding:0 .45rem;border-radius:1rem;font-size:.75rem;background:#eaeef2}
            .cat-structure{background:#ffebe9;color:#82071e}.cat-code{background:#fff8c5;color:#7d4e00}
            .none{color:#57606a;font-style:italic}
            """;

    @Override
    public String render(SchemaDiff diff) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Schema differences</title>
                <style>
                """ + STYLE + "</style>\n</head>\n<body>\n<h1>Schema differences</h1>\n" + renderFragment(diff)
                + "</body>\n</html>\n";
    }

    /**
     * Renders the diff as a part of a larger page: the summary paragraph and one card per table or object, without the
     * document around them. The page must include {@link #style()}.
     *
     * @param diff the diff
     * @return the HTML fragment, ending with a line feed
     */
    public String renderFragment(SchemaDiff diff) {
        StringBuilder html = new StringBuilder();
        html.append("<p class=\"summary\">").append(name(diff.summary())).append("</p>\n");
        java.util.List<DiffGroups.Shape> shapes = DiffGroups.shapes(diff);
        if (!shapes.isEmpty()) {
            html.append("<section>\n<h2>Repeated differences</h2>\n<table>\n")
                    .append("<tr><th>Count</th><th>Change</th><th>From</th><th>To</th><th>Category</th>"
                            + "<th>Objects</th></tr>\n");
            for (DiffGroups.Shape shape : shapes) {
                html.append("<tr><td>").append(shape.objects().size()).append("</td><td>").append(name(shape.title()))
                        .append("</td><td class=\"from\">").append(value(shape.from()))
                        .append("</td><td class=\"to\">").append(value(shape.to()))
                        .append("</td><td>").append(category(shape.category()))
                        .append("</td><td><details><summary>").append(name(shape.listed())).append("</summary>")
                        .append(name(shape.objects().stream().map(DiffGroups::qualified)
                                .collect(java.util.stream.Collectors.joining(", "))))
                        .append("</details></td></tr>\n");
            }
            html.append("</table>\n</section>\n");
        }
        for (DiffGroups.Group group : DiffGroups.of(diff)) {
            html.append("<section>\n<h2>").append(name(group.title())).append("</h2>\n<table>\n")
                    .append("<tr><th>Object</th><th>Change</th><th>From</th><th>To</th><th>Category</th></tr>\n");
            for (Change change : group.changes()) {
                String object = DiffGroups.objectLabel(change);
                html.append("<tr><td>").append(object.isEmpty() ? "<span class=\"none\">—</span>" : name(object))
                        .append("</td><td class=\"").append(change.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append("\">").append(name(DiffGroups.what(change))).append("</td>")
                        .append("<td class=\"from\">").append(value(change.from())).append("</td>")
                        .append("<td class=\"to\">").append(value(change.to())).append("</td>")
                        .append("<td>").append(category(change.category())).append("</td></tr>\n");
            }
            html.append("</table>\n</section>\n");
        }
        if (diff.notComparedNote() != null) {
            html.append("<p class=\"summary\">").append(name(DiffGroups.capitalise(diff.notComparedNote())))
                    .append(".</p>\n");
        }
        return html.toString();
    }

    /** @return the CSS rules (no {@code <style>} element) that {@link #renderFragment(SchemaDiff)} relies on */
    public static String style() {
        return STYLE;
    }

    private static String category(ChangeCategory category) {
        return "<span class=\"cat cat-" + category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "\">"
                + category.label() + "</span>";
    }

    private static String value(String value) {
        return value == null ? "" : "<pre>" + escape(value) + "</pre>";
    }

    private static String name(String text) {
        return Escapes.html(text);
    }

    /**
     * Escapes text for HTML element content or an attribute value, as this renderer writes values: the characters
     * {@code & < > "} become entities and control characters are shown ({@code &lt;U+001B&gt;}); line feeds and tabs
     * are kept, so the text can go into a {@code <pre>}.
     *
     * <pre>{@code
     * HtmlDiffRenderer.escape("<img src=x>")   // &lt;img src=x&gt;
     * }</pre>
     *
     * @param text the text, never {@code null}
     * @return the escaped text
     */
    public static String escape(String text) {
        return Escapes.htmlKeepingLines(text);
    }
}
