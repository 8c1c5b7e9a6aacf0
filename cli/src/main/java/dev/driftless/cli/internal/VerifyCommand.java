package dev.driftless.cli.internal;

import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.sql.SqlScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code VerifyCommand} is {@code driftless verify}: fresh install ≡ migrated path (with {@code --schema}, or the
 * master schema the chain keeps beside its migrations), every migration with a down script reverts (up, down, up
 * again), every baseline builds what the migrations up to it build, and (with {@code --idempotent}) the master schema
 * can run twice. Every input is read and checked before a server starts.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Builds the master schema and the migration chain in two fresh databases and compares them; applies, "
                    + "reverts and applies again every migration that has a down script; checks that each baseline "
                    + "(Flyway B) builds what the migrations up to it build; with --idempotent, runs the master schema "
                    + "twice. Without --schema, a master schema kept beside the migrations (sourcegraph's squashed.sql) "
                    + "is used.",
            "Exit 0 when every check passes, 1 when differences are found, 2 on bad input (missing files, broken SQL "
                    + "with file:line, an invalid chain)."},
        footer = {"", "Examples:",
            "  driftless verify --schema sql/init_schema.sql --migrations sql/migrations",
            "  driftless verify --migrations migrations/frontend",
            "  driftless verify --migrations src/main/resources/db/migration --placeholder currency=EUR",
            "  driftless verify --migrations db/changelog/master.xml --contexts test",
            "  driftless verify --schema schema.sql --migrations migrations --report target/verify.html",
            "  driftless verify --schema sql/master.sql --idempotent"})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--schema", paramLabel = "FILE", description = "The master schema, an SQL script for fresh installs.")
    private Path schema;

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "The migration folder, in any supported layout (numbered, Flyway, golang-migrate, Prisma, ...),"
                    + " or a Liquibase changelog file (db/changelog/master.xml).")
    private Path migrations;

    @Option(names = "--idempotent", description = "Also check that the master schema can run a second time and changes nothing.")
    private boolean idempotent;

    @Option(names = "--no-reversibility", description = "Do not apply and revert the migrations that have down scripts.")
    private boolean noReversibility;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report to FILE: .md, .html or .json.")
    private Path report;

    @Mixin
    private EngineOptions engineOptions;

    @Mixin
    private LoggingOptions loggingOptions;

    @Mixin
    private DiffFlags diffFlags;

    @Mixin
    private ServerOptions serverOptions;

    @Override
    public Integer call() {
        if (schema == null && migrations == null) {
            throw new BadInputException("give --schema FILE, --migrations DIR, or both");
        }
        if (report != null) {
            ReportWriter.checkFormat(report);
        }
        // every input is read and checked before any server starts
        EngineOptions.Chosen chosen = migrations == null ? null
                : engineOptions.select("--migrations", migrations.toString(), FlywaySettings.defaults());
        MigrationChain chain = chosen == null ? null : chosen.chain().orElse(null);
        SqlScript script = schema != null ? Workbench.script("--schema", schema.toString())
                : chain == null ? null : chain.masterSchema().orElse(null);
        if (idempotent && script == null) {
            throw new BadInputException("--idempotent checks the master schema: give --schema FILE");
        }
        if (migrations == null && !idempotent) {
            throw new BadInputException("nothing to check: give --migrations DIR to compare with --schema, or"
                    + " --idempotent to run the master schema twice");
        }
        if (script == null && noReversibility && (chain == null || chain.baselines().isEmpty())) {
            throw new BadInputException("nothing to check: --no-reversibility leaves the chain alone; give --schema FILE"
                    + " to compare it with");
        }
        if (schema == null && script != null) {
            Console.progress("Comparing with " + script.name() + ", the master schema kept beside the migrations");
        }
        if (chosen != null) {
            chosen.announce(migrations.toString());
        }
        VerifyReport result;
        try (Workbench workbench = new Workbench(serverOptions)) {
            MigrationEngine engine = chosen == null ? null : chosen.selected().engine();
            List<Migration> steps = engine == null ? List.of()
                    : chain != null ? chain.migrations() : engine.migrations(workbench.newDatabase());
            String chainLabel = engine == null ? null : migrations + " (" + (chain != null ? chain.layout()
                    .map(l -> l.displayName()).orElse("custom") : engine.name()) + ", " + steps.size()
                    + " migrations, latest " + (steps.isEmpty() ? "(none)" : steps.get(steps.size() - 1).version())
                    + ")";
            result = Verification.run(workbench.server(), script, engine, steps, !noReversibility, idempotent,
                    diffFlags.filter(), diffFlags.options(), schema != null ? schema.toString()
                            : script == null ? null : script.name(), chainLabel);
        }
        Console.out().print(ReportWriter.text(result));
        Console.out().flush();
        if (report != null) {
            ReportWriter.write(result, report);
            Console.progress("Report written to " + report);
        }
        return result.passed() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
}
