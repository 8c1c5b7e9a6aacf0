package dev.driftless.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.internal.schema.Escapes;
import dev.driftless.schema.JsonDiffRenderer;
import dev.driftless.schema.MarkdownDiffRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ReportWriter} renders a {@link VerifyReport}: plain text for the terminal, and files chosen by extension —
 * {@code .md} (a CI job summary or pull-request comment), {@code .html} (one self-contained page) or {@code .json}.
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /**
     * Checks that a report file name has a known extension, before any work is done.
     *
     * @param file the file
     * @throws BadInputException when the extension is not .md, .html or .json
     */
    public static void checkFormat(Path file) {
        format(file);
    }

    private static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "md";
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        }
        if (name.endsWith(".json")) {
            return "json";
        }
        throw new BadInputException("--report " + file + ": unknown report format; name the file .md, .html or .json");
    }

    /**
     * Writes the report file in the format its extension names.
     *
     * @param report the report
     * @param file the file, replaced if it exists
     */
    public static void write(VerifyReport report, Path file) {
        String content = switch (format(file)) {
            case "md" -> markdown(report);
            case "html" -> html(report);
            default -> json(report);
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
        for (Check check : report.checks()) {
            String mark = switch (check.status()) {
                case PASSED -> Console.colour("green", "PASS");
                case FAILED -> Console.colour("red", "FAIL");
                case SKIPPED -> Console.colour("yellow", "SKIP");
            };
            out.append(mark).append("  ").append(check.title()).append('\n');
            out.append("      ").append(check.summary()).append('\n');
            check.diff().ifPresent(d -> indent(out, DiffSummary.body(d)));
            check.detail().ifPresent(d -> indent(out, d));
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
            md.append("* master schema: ").append(Escapes.markdownCode(report.schema())).append("\n");
        }
        if (report.migrations() != null) {
            md.append("* migrations: ").append(Escapes.markdownCode(report.migrations())).append("\n");
        }
        md.append("* server: ").append(cell(report.server())).append("\n\n");
        md.append("| result | check | summary |\n|---|---|---|\n");
        for (Check check : report.checks()) {
            md.append("| ").append(icon(check.status())).append(' ').append(check.status().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(cell(check.title())).append(" | ").append(cell(check.summary())).append(" |\n");
        }
        for (Check check : report.checks()) {
            if (check.status() != Check.Status.FAILED) {
                continue;
            }
            md.append("\n## ").append(cell(check.title())).append("\n\n").append(cell(check.summary())).append("\n\n");
            check.diff().ifPresent(d -> md.append(demoteHeadings(new MarkdownDiffRenderer().render(d).trim())).append("\n"));
            check.detail().ifPresent(d -> md.append(Escapes.markdownBlock(d, "text")));
        }
        md.append('\n').append(cell(report.verdict())).append('\n');
        return md.toString();
    }

    private static String demoteHeadings(String markdown) {
        return markdown.replaceAll("(?m)^#", "###");
    }

    private static String icon(Check.Status status) {
        return switch (status) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case SKIPPED -> "⏭️";
        };
    }

    private static String cell(String text) {
        return Escapes.markdown(text.replace("\n", " "));
    }

    static String html(VerifyReport report) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>driftless verify</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f23}
                table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}
                .passed{color:#1a7f37}.failed{color:#cf222e}.skipped{color:#9a6700}
                pre{background:#f6f8fa;padding:.8rem;overflow:auto}
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
        html.append("<table>\n<tr><th>result</th><th>check</th><th>summary</th></tr>\n");
        for (Check check : report.checks()) {
            String status = check.status().name().toLowerCase(Locale.ROOT);
            html.append("<tr><td class=\"").append(status).append("\">").append(status).append("</td><td>")
                    .append(escape(check.title())).append("</td><td>").append(escape(check.summary())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (Check check : report.checks()) {
            if (check.status() == Check.Status.FAILED) {
                html.append("<h2>").append(escape(check.title())).append("</h2>\n<p>").append(escape(check.summary()))
                        .append("</p>\n");
                check.diff().ifPresent(d -> html.append("<pre>").append(Escapes.htmlKeepingLines(DiffSummary.body(d)))
                        .append("</pre>\n"));
                check.detail().ifPresent(d -> html.append("<pre>").append(Escapes.htmlKeepingLines(d)).append("</pre>\n"));
            }
        }
        html.append("<p>").append(escape(report.verdict())).append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String escape(String text) {
        return Escapes.html(text);
    }

    static String json(VerifyReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("passed", report.passed());
        root.put("schema", report.schema());
        root.put("migrations", report.migrations());
        root.put("server", report.server());
        root.put("durationMs", report.duration().toMillis());
        ArrayNode checks = root.putArray("checks");
        for (Check check : report.checks()) {
            ObjectNode node = checks.addObject();
            node.put("title", check.title());
            node.put("status", check.status().name().toLowerCase(Locale.ROOT));
            node.put("summary", check.summary());
            check.detail().ifPresent(d -> node.put("detail", d));
            check.diff().ifPresent(d -> {
                try {
                    node.set("diff", JSON.readTree(new JsonDiffRenderer().render(d)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
