package dev.driftless.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.schema.DiffRenderer;
import dev.driftless.schema.HtmlDiffRenderer;
import dev.driftless.schema.JsonDiffRenderer;
import dev.driftless.schema.MarkdownDiffRenderer;
import dev.driftless.schema.TextDiffRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ReportWriter} renders a {@link VerifyReport}: plain text for the terminal, and files chosen by extension —
 * {@code .md} (a CI job summary or pull-request comment), {@code .html} (one self-contained page) or {@code .json}.
 * Differences are rendered by the library's renderers ({@link TextDiffRenderer}, {@link MarkdownDiffRenderer},
 * {@link HtmlDiffRenderer}, {@link JsonDiffRenderer}), and the report's own text is escaped with theirs.
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Where a finding's {@code "diff"} key sits in the JSON report: in the root, a check and a finding object. */
    private static final String JSON_DIFF_INDENT = "      ";

    /** {@code Format} is a report file's format, chosen by its extension. */
    public enum Format {
        /** {@code .md}, {@code .markdown} */
        MARKDOWN(new MarkdownDiffRenderer()),
        /** {@code .html}, {@code .htm} */
        HTML(new HtmlDiffRenderer()),
        /** {@code .json} */
        JSON(new JsonDiffRenderer());

        private final DiffRenderer diffRenderer;

        Format(DiffRenderer diffRenderer) {
            this.diffRenderer = diffRenderer;
        }

        /**
         * Chooses the format of a report file by its extension.
         *
         * @param file the file
         * @return its format
         * @throws BadInputException when the extension is not .md, .html or .json
         */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".md") || name.endsWith(".markdown")) {
                return MARKDOWN;
            }
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return HTML;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw new BadInputException("--report " + file + ": unknown report format; name the file .md, .html or "
                    + ".json");
        }

        /** @return the library's renderer of a schema diff in this format */
        public DiffRenderer diffRenderer() {
            return diffRenderer;
        }
    }

    private ReportWriter() {
    }

    /**
     * Checks that a report file name has a known extension, before any work is done.
     *
     * @param file the file
     * @throws BadInputException when the extension is not .md, .html or .json
     */
    public static void checkFormat(Path file) {
        Format.of(file);
    }

    /**
     * Writes the report file in the format its extension names.
     *
     * @param report the report
     * @param file the file, replaced if it exists
     */
    public static void write(VerifyReport report, Path file) {
        String content = switch (Format.of(file)) {
            case MARKDOWN -> markdown(report);
            case HTML -> html(report);
            case JSON -> json(report);
        };
        writeFile(file, content);
    }

    /**
     * Writes a report file, creating its folder.
     *
     * @param file the file, replaced if it exists
     * @param content the report
     * @throws BadInputException when the file cannot be written, saying why
     */
    static void writeFile(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new BadInputException("--report " + file + ": cannot write it: " + reason(e));
        }
    }

    /**
     * Says why a file could not be read or written, in words: the JDK's messages often name only the file.
     *
     * @param e the failure
     * @return e.g. {@code permission denied}, {@code it is not valid UTF-8 text}
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not valid UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.toString();
    }

    /**
     * @param report the report
     * @return the plain-text report, coloured when standard output is a terminal
     */
    public static String text(VerifyReport report) {
        StringBuilder out = new StringBuilder();
        out.append(Console.colour("bold", "driftless verify")).append('\n');
        if (report.schema() != null) {
            out.append("  master schema  ").append(report.schema()).append('\n');
        }
        if (report.migrations() != null) {
            out.append("  migrations     ").append(report.migrations()).append('\n');
        }
        out.append("  server         ").append(report.server()).append("\n\n");
        TextDiffRenderer renderer = new TextDiffRenderer();
        for (Check check : report.checks()) {
            String mark = switch (check.status()) {
                case PASSED -> Console.colour("green", "PASS");
                case FAILED -> Console.colour("red", "FAIL");
                case SKIPPED -> Console.colour("yellow", "SKIP");
            };
            out.append(mark).append("  ").append(check.title()).append('\n');
            for (Check.Finding finding : check.findings()) {
                out.append("      ").append(finding.summary()).append('\n');
                finding.diff().ifPresent(d -> indent(out, renderer.renderChanges(d)));
                finding.detail().ifPresent(d -> indent(out, d));
            }
        }
        out.append('\n').append(report.passed() ? Console.colour("green,bold", report.verdict())
                : Console.colour("red,bold", report.verdict())).append('\n');
        return out.toString();
    }

    private static void indent(StringBuilder out, String text) {
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append("        ").append(line).append('\n');
            }
        }
    }

    static String markdown(VerifyReport report) {
        StringBuilder md = new StringBuilder("# driftless verify: ").append(report.passed() ? "passed" : "failed")
                .append("\n\n");
        if (report.schema() != null) {
            md.append("* master schema: ").append(MarkdownDiffRenderer.code(report.schema())).append("\n");
        }
        if (report.migrations() != null) {
            md.append("* migrations: ").append(MarkdownDiffRenderer.code(report.migrations())).append("\n");
        }
        md.append("* server: ").append(cell(report.server())).append("\n\n");
        md.append("| result | check | summary |\n|---|---|---|\n");
        for (Check check : report.checks()) {
            md.append("| ").append(icon(check.status())).append(' ').append(status(check))
                    .append(" | ").append(cell(check.title())).append(" | ").append(cell(check.summary())).append(" |\n");
        }
        MarkdownDiffRenderer renderer = new MarkdownDiffRenderer();
        for (Check check : failed(report)) {
            md.append("\n## ").append(cell(check.title())).append("\n");
            for (Check.Finding finding : check.findings()) {
                md.append("\n").append(cell(finding.summary())).append("\n\n");
                finding.diff().ifPresent(d -> md.append(demoteHeadings(renderer.render(d).trim())).append("\n"));
                finding.detail().ifPresent(d -> md.append(MarkdownDiffRenderer.codeBlock(d, "text")));
            }
        }
        md.append('\n').append(cell(report.verdict())).append('\n');
        return md.toString();
    }

    /** The diff's own headings go under the check's {@code ##} heading. */
    private static String demoteHeadings(String markdown) {
        return markdown.replaceAll("(?m)^#", "###");
    }

    private static String icon(Verdict status) {
        return switch (status) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case SKIPPED -> "⏭️";
        };
    }

    private static String cell(String text) {
        return MarkdownDiffRenderer.escape(text.replace("\n", " "));
    }

    private static String status(Check check) {
        return check.status().name().toLowerCase(Locale.ROOT);
    }

    private static List<Check> failed(VerifyReport report) {
        return report.checks().stream().filter(c -> c.status() == Verdict.FAILED).toList();
    }

    static String html(VerifyReport report) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>driftless verify</title>
                <style>
                """).append(HtmlDiffRenderer.style()).append("""
                table.checks{width:auto;background:#fff;border:1px solid #d0d7de;margin:0 0 1.5rem}
                .passed{color:#1a7f37}.failed{color:#cf222e}.skipped{color:#9a6700}
                body>pre{background:#fff;border:1px solid #d0d7de;padding:.8rem;overflow:auto;margin:0 0 1rem}
                </style>
                </head>
                <body>
                """);
        html.append("<h1>driftless verify: <span class=\"").append(report.passed() ? "passed\">passed" : "failed\">failed")
                .append("</span></h1>\n<ul>\n");
        if (report.schema() != null) {
            html.append("<li>master schema: <code>").append(escape(report.schema())).append("</code></li>\n");
        }
        if (report.migrations() != null) {
            html.append("<li>migrations: <code>").append(escape(report.migrations())).append("</code></li>\n");
        }
        html.append("<li>server: ").append(escape(report.server())).append("</li>\n</ul>\n");
        html.append("<table class=\"checks\">\n<tr><th>result</th><th>check</th><th>summary</th></tr>\n");
        for (Check check : report.checks()) {
            html.append("<tr><td class=\"").append(status(check)).append("\">").append(status(check)).append("</td><td>")
                    .append(escape(check.title())).append("</td><td>").append(escape(check.summary()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        HtmlDiffRenderer renderer = new HtmlDiffRenderer();
        for (Check check : failed(report)) {
            html.append("<h2>").append(escape(check.title())).append("</h2>\n");
            for (Check.Finding finding : check.findings()) {
                html.append("<p>").append(escape(finding.summary())).append("</p>\n");
                finding.diff().ifPresent(d -> html.append(renderer.renderFragment(d)));
                finding.detail().ifPresent(d -> html.append("<pre>").append(escape(d))
                        .append("</pre>\n"));
            }
        }
        html.append("<p>").append(escape(report.verdict())).append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlDiffRenderer.escape(text);
    }

    /**
     * The JSON report. Each diff is the library's own JSON rendering, put in as it is rendered (a raw value, re-indented
     * to its place), never parsed again.
     */
    static String json(VerifyReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("passed", report.passed());
        root.put("schema", report.schema());
        root.put("migrations", report.migrations());
        root.put("server", report.server());
        root.put("durationMs", report.duration().toMillis());
        ArrayNode checks = root.putArray("checks");
        JsonDiffRenderer renderer = new JsonDiffRenderer();
        for (Check check : report.checks()) {
            ObjectNode node = checks.addObject();
            node.put("title", check.title());
            node.put("kind", check.kind().name().toLowerCase(Locale.ROOT));
            check.migration().ifPresent(m -> node.put("migration", m.version().toString()));
            node.put("status", status(check));
            node.put("summary", check.summary());
            ArrayNode findings = node.putArray("findings");
            for (Check.Finding finding : check.findings()) {
                ObjectNode f = findings.addObject();
                f.put("summary", finding.summary());
                finding.step().ifPresent(s -> f.put("step", s.name().toLowerCase(Locale.ROOT)));
                finding.detail().ifPresent(d -> f.put("detail", d));
                finding.diff().ifPresent(d -> f.putRawValue("diff", new RawValue(
                        renderer.render(d).strip().replace("\n", "\n" + JSON_DIFF_INDENT))));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
