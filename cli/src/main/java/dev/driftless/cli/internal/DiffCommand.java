package dev.driftless.cli.internal;

import dev.driftless.schema.GeneratedMigration;
import dev.driftless.schema.MigrationGenerator;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaSource;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.TextDiffRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code DiffCommand} is {@code driftless diff A B}: the schema differences from A to B, each a script, a migration
 * folder (optionally {@code @version}), a snapshot JSON or a JDBC URL. With {@code --sql}, the migration from A to B
 * instead, printed only once {@link MigrationGenerator} has proved it.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the schema differences from A to B (- A, + B). Exit 0 when equal, 1 when they differ, "
                + "2 on bad input.",
            "Each side is an SQL script (schema.sql), a migration folder (migrations, or migrations@003 for a version), "
                    + "a snapshot JSON (schema.json, from driftless snapshot) or a JDBC URL (jdbc:postgresql://..., read only)."},
        footer = {"", "Examples:",
            "  driftless diff sql/init_schema.sql sql/migrations",
            "  driftless diff sql/migrations@004 sql/migrations@005",
            "  driftless diff sql/migrations sql/schema.sql --sql > sql/migrations/006_next.sql",
            "  driftless diff src/test/resources/schema.json jdbc:postgresql://localhost:5432/app --report diff.md"})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "The expected side.")
    private String left;

    @Parameters(index = "1", paramLabel = "B", description = "The actual side.")
    private String right;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the diff to FILE: .md, .html or .json.")
    private Path report;

    @Option(names = "--sql", description = "Print the SQL that turns A into B instead, once proved: applied to A it "
            + "must give B, and its reverse applied then must give A (A and B: scripts or migration folders). Exit 1 "
            + "with what remains different when the proof fails.")
    private boolean sql;

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
        if (sql) {
            return printMigration(a, b);
        }
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

    private int printMigration(Sources.Source a, Sources.Source b) {
        if (report != null) {
            throw new BadInputException("--sql prints the script; --report writes a diff: give one of them.");
        }
        SchemaSource from = buildable(a);
        SchemaSource to = buildable(b);
        GeneratedMigration migration;
        try (Workbench workbench = new Workbench(serverOptions)) {
            Console.progress("Generating the migration from " + a.shown() + " to " + b.shown()
                    + " and proving it in scratch databases ...");
            SchemaFilter filter = diffFlags.filter();
            for (Sources.Source side : List.of(a, b)) {
                if (side instanceof Sources.ChainSource chain) {
                    filter = Sources.ChainSource.withoutHistory(filter, chain.chosen().selected().engine());
                }
            }
            migration = MigrationGenerator.on(workbench.server()).usingDiffOptions(diffFlags.options())
                    .inspecting(filter).generate(from, to);
        }
        if (!migration.verified()) {
            Console.progress("The generated migration from " + a.shown() + " to " + b.shown() + " is "
                    + migration.verification().message() + "\nThis is a bug of the generator (or a change it does "
                    + "not handle yet): no script is printed.");
            return ExitCodes.DIFFERENCES;
        }
        Console.out().print(migration.up().isEmpty() ? "-- no differences\n" : migration.up());
        Console.out().flush();
        return ExitCodes.OK;
    }

    private static SchemaSource buildable(Sources.Source source) {
        if (source instanceof Sources.ScriptSource script) {
            return SchemaSource.of(script.path(), database -> Workbench.run(script.script(), database));
        }
        if (source instanceof Sources.ChainSource chain) {
            return SchemaSource.of(chain.argument(), chain::migrate);
        }
        throw new BadInputException(source.label() + " " + source.shown() + ": --sql builds both sides in scratch "
                + "databases to prove the script, so each must be an SQL script or a migration folder, not a "
                + "snapshot JSON or a JDBC URL.");
    }
}
