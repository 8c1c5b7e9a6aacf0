package dev.driftless.cli.internal;

import dev.driftless.schema.SchemaSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code SnapshotCommand} is {@code driftless snapshot SOURCE -o schema.json}: the schema as sorted, reviewable JSON,
 * to commit as a golden snapshot.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the schema of SOURCE as JSON (sorted keys, one value per line), to commit and review in "
                + "pull requests, and to compare with driftless diff.",
            "SOURCE is an SQL script, a migration folder (optionally folder@version), a snapshot JSON or a JDBC URL."},
        footer = {"", "Examples:",
            "  driftless snapshot sql/migrations -o src/test/resources/schema.json",
            "  driftless snapshot jdbc:postgresql://localhost:5432/app --only-schema public -o prod-schema.json"})
public final class SnapshotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Where the schema comes from.")
    private String source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The JSON file to write (default: standard output).")
    private Path output;

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
        Sources.Source parsed = Sources.parse("SOURCE", source, engineOptions);
        SchemaSnapshot snapshot;
        try (Workbench workbench = new Workbench(serverOptions)) {
            snapshot = parsed.snapshot(diffFlags.filter(), serverOptions.user(), workbench);
        }
        if (output == null) {
            Console.out().print(snapshot.toJson());
            Console.out().flush();
        } else {
            try {
                snapshot.writeTo(output);
            } catch (UncheckedIOException e) {
                throw new BadInputException("-o " + output + ": cannot write it: " + ReportWriter.reason(e.getCause()));
            }
            Console.out().println("Wrote " + output + ": " + snapshot.tables().size() + " tables, "
                    + snapshot.views().size() + " views, " + snapshot.functions().size() + " functions, "
                    + snapshot.sequences().size() + " sequences.");
        }
        return ExitCodes.OK;
    }
}
