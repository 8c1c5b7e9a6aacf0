package dev.driftless.cli.internal;

import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.TextDiffRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code DiffCommand} is {@code driftless diff A B}: the schema differences from A to B, each a script, a migration
 * folder (optionally {@code @version}), a snapshot JSON or a JDBC URL.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the schema differences from A to B (- A, + B). Exit 0 when equal, 1 when they differ, "
                + "2 on bad input.",
            "Each side is an SQL script (schema.sql), a migration folder (migrations, or migrations@003 for a version), "
                    + "a snapshot JSON (schema.json, from driftless snapshot) or a JDBC URL (jdbc:postgresql://..., read only)."},
        footer = {"", "Examples:",
            "  driftless diff sql/init_schema.sql sql/migrations",
            "  driftless diff sql/migrations@004 sql/migrations@005",
            "  driftless diff src/test/resources/schema.json jdbc:postgresql://localhost:5432/app --report diff.md"})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "The expected side.")
    private String left;

    @Parameters(index = "1", paramLabel = "B", description = "The actual side.")
    private String right;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the diff to FILE: .md, .html or .json.")
    private Path report;

    @Mixin
    private LoggingOptions loggingOptions;

    @Mixin
    private DiffFlags diffFlags;

    @Mixin
    private EngineOptions engineOptions;

    @Mixin
    private ServerOptions serverOptions;

    @Override
    public Integer call() {
        if (report != null) {
            ReportWriter.checkFormat(report);
        }
        Sources.Source a = Sources.parse("A", left, engineOptions);
        Sources.Source b = Sources.parse("B", right, engineOptions);
        SchemaDiff diff;
        try (Workbench workbench = new Workbench(serverOptions)) {
            SchemaSnapshot before = a.snapshot(diffFlags.filter(), serverOptions.user(), workbench);
            SchemaSnapshot after = b.snapshot(diffFlags.filter(), serverOptions.user(), workbench);
            diff = SchemaDiff.between(before, after, diffFlags.options());
        }
        if (diff.isEmpty()) {
            Console.out().println(Console.colour("green", "No differences") + " between " + a.shown() + " and "
                    + b.shown() + ".");
        } else {
            Console.out().println(Console.colour("red", diff.summary()) + " (- " + a.shown() + ", + " + b.shown() + ")");
            Console.out().print(new TextDiffRenderer().renderChanges(diff));
        }
        Console.out().flush();
        if (report != null) {
            ReportWriter.writeFile(report, ReportWriter.Format.of(report).diffRenderer().render(diff));
            Console.progress("Report written to " + report);
        }
        return diff.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
}
