package dev.driftless.cli.internal;

import dev.driftless.DriftlessException;
import dev.driftless.migration.Migration;
import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.server.Database;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationResult;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.migration.RepeatableMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code MigrateCommand} is {@code driftless migrate --jdbc-url URL [--to VERSION] DIR}: moves a dev database up or
 * down its migration chain, each migration in one transaction with its history row. Its summary line on standard
 * output says what this run did, as the migrator read it after taking the migration lock: a run that waited for a
 * concurrent one and found the work done says "nothing to do".
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Migrates the database at --jdbc-url up or down to a version of the chain in DIR (default: the "
                + "latest). Each migration runs in one transaction with its history row; a failing one is rolled back "
                + "and the database stays at the last good version. Before changing anything it refuses pending "
                + "migrations below the highest applied version (--out-of-order applies them) and applied migrations "
                + "missing from DIR (--ignore-missing tolerates them).",
            "Exit 0 when the database reached the version, 1 when a migration failed, 2 on bad input."},
        footer = {"", "Examples:",
            "  DRIFTLESS_JDBC_PASSWORD=secret driftless migrate --jdbc-url jdbc:postgresql://localhost:5432/app --user app sql/migrations",
            "  driftless migrate --jdbc-url jdbc:postgresql://localhost:5432/app --to 003 sql/migrations",
            "  driftless migrate --jdbc-url jdbc:postgresql://localhost:5432/app --out-of-order sql/migrations"})
public final class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR",
            description = "The migration folder, in any supported layout, or a Liquibase changelog file.")
    private Path dir;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The database to migrate. Password from DRIFTLESS_JDBC_PASSWORD or PGPASSWORD.")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "User (default: DRIFTLESS_JDBC_USER, else from the URL).")
    private String user;

    @Option(names = "--to", paramLabel = "VERSION", description = "Target version (default: the latest); 0 reverts everything.")
    private String to;

    @Option(names = "--history-table", paramLabel = "TABLE",
            description = "History table, name or schema.name (default: " + Migrator.DEFAULT_HISTORY_TABLE + ").")
    private String historyTable;

    @Option(names = "--out-of-order",
            description = "Apply pending migrations whose version is below the highest applied one (refused by default).")
    private boolean outOfOrder;

    @Option(names = "--ignore-missing",
            description = "Tolerate applied migrations that DIR does not have (refused by default).")
    private boolean ignoreMissing;

    @Mixin
    private EngineOptions engineOptions;

    @Mixin
    private LoggingOptions loggingOptions;

    @Override
    public Integer call() {
        FlywaySettings flyway = FlywaySettings.defaults().withOutOfOrder(outOfOrder);
        if (historyTable != null) {
            flyway = flyway.withTable(historyTable);
        }
        if (ignoreMissing) {
            flyway = flyway.with("ignoreMigrationPatterns", "*:missing");
        }
        EngineOptions.Chosen chosen = engineOptions.select("DIR", dir.toString(), flyway);
        chosen.announce(dir.toString());
        if (chosen.chain().isEmpty()) {
            return migrate(chosen.selected().engine());
        }
        MigrationChain chain = chosen.chain().get();
        MigrationVersion target;
        if (to == null) {
            target = chain.latestVersion();
        } else if (to.equals("0") || to.equalsIgnoreCase("empty")) {
            target = MigrationVersion.EMPTY;
        } else if (!MigrationVersion.isVersion(to) || chain.migration(to).isEmpty()) {
            throw new BadInputException("--to " + to + ": no such version in " + dir + "; its versions are "
                    + Workbench.versions(chain) + " (0 reverts everything)");
        } else {
            target = MigrationVersion.parse(to);
        }
        DataSource dataSource = Jdbc.dataSource(jdbcUrl, user);
        Migrator migrator = Migrator.of(chain, dataSource).withOutOfOrder(outOfOrder)
                .withIgnoreMissingMigrations(ignoreMissing);
        if (historyTable != null) {
            migrator = migrator.withHistoryTable(historyTable);
        }
        MigrationResult result;
        try {
            result = migrator.migrate(target);
        } catch (DriftlessException e) {
            Console.progress(e.getMessage());
            Optional<MigrationResult> completed = e instanceof MigrationException m ? m.completed() : Optional.empty();
            MigrationVersion now = completed.map(MigrationResult::reached).orElseGet(migrator::currentVersion);
            Console.out().println(completed.filter(c -> !c.didNothing())
                    .map(c -> "Migration failed after this run " + done(c) + "; the database is now at version " + now + ".")
                    .orElse("Migration failed; the database stays at version " + now + "."));
            return ExitCodes.DIFFERENCES;
        }
        Console.out().println(summary(result));
        return ExitCodes.OK;
    }

    /** Migrates with an engine other than Driftless's own runner, which migrates only up. */
    private int migrate(MigrationEngine engine) {
        Database database = Jdbc.database(jdbcUrl, user);
        if (to != null && (to.equals("0") || to.equalsIgnoreCase("empty"))) {
            throw new BadInputException("--to " + to + ": " + engine.name() + " migrates only up; revert with "
                    + engine.name() + " itself, or run the chain with --engine driftless");
        }
        MigrationVersion target = null;
        if (to != null) {
            List<Migration> migrations = engine.migrations(database);
            if (!MigrationVersion.isVersion(to) || migrations.stream().noneMatch(m -> m.version().toString().equals(to)
                    || m.version().equals(MigrationVersion.parse(to)))) {
                throw new BadInputException("--to " + to + ": no such version in " + dir + "; its versions are "
                        + Workbench.versions(migrations));
            }
            target = MigrationVersion.parse(to);
        }
        MigrationResult result;
        try {
            result = target == null ? engine.migrateToLatest(database) : engine.migrate(database, target);
        } catch (DriftlessException e) {
            Console.progress(e.getMessage());
            List<MigrationVersion> applied = engine.appliedVersions(database);
            Console.out().println("Migration failed; the database stays at version "
                    + (applied.isEmpty() ? MigrationVersion.EMPTY : applied.get(applied.size() - 1)) + ".");
            return ExitCodes.DIFFERENCES;
        }
        Console.out().println(summary(result));
        return ExitCodes.OK;
    }

    /**
     * @param result what a run did
     * @return the line for standard output, e.g. {@code Migrated the database from version 001 to 003: applied 002,
     *     003.}
     */
    static String summary(MigrationResult result) {
        if (result.didNothing()) {
            return "The database is already at version " + result.reached() + "; nothing to do.";
        }
        return (result.from().equals(result.reached())
                ? "Migrated the database, which stays at version " + result.reached()
                : "Migrated the database from version " + result.from() + " to " + result.reached())
                + ": " + done(result) + ".";
    }

    private static String done(MigrationResult result) {
        Function<List<Migration>, String> versions = list -> list.stream().map(m -> m.version().toString())
                .collect(Collectors.joining(", "));
        List<String> parts = new ArrayList<>();
        if (!result.reverted().isEmpty()) {
            parts.add("reverted " + versions.apply(result.reverted()));
        }
        if (!result.applied().isEmpty()) {
            parts.add("applied " + versions.apply(result.applied()));
        }
        if (!result.repeatables().isEmpty()) {
            parts.add("re-applied repeatable " + result.repeatables().stream().map(RepeatableMigration::description)
                    .collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }
}
