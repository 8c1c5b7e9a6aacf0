package dev.driftless.cli.internal;

import dev.driftless.DriftlessException;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code MigrateCommand} is {@code driftless migrate --jdbc-url URL [--to VERSION] DIR}: moves a dev database up or
 * down its migration chain, each migration in one transaction with its history row.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Migrates the database at --jdbc-url up or down to a version of the chain in DIR (default: the "
                + "latest). Each migration runs in one transaction with its history row; a failing one is rolled back "
                + "and the database stays at the last good version.",
            "Exit 0 when the database reached the version, 1 when a migration failed, 2 on bad input."},
        footer = {"", "Examples:",
            "  DRIFTLESS_JDBC_PASSWORD=secret driftless migrate --jdbc-url jdbc:postgresql://localhost:5432/app --user app sql/migrations",
            "  driftless migrate --jdbc-url jdbc:postgresql://localhost:5432/app --to 003 sql/migrations"})
public final class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The migration folder, in any supported layout.")
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

    @Mixin
    private LoggingOptions loggingOptions;

    @Override
    public Integer call() {
        MigrationChain chain = Workbench.chain("DIR", dir);
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
        Migrator migrator = Migrator.of(chain, dataSource);
        if (historyTable != null) {
            migrator = migrator.withHistoryTable(historyTable);
        }
        MigrationVersion before = migrator.currentVersion();
        try {
            migrator.migrateTo(target);
        } catch (DriftlessException e) {
            Console.progress(e.getMessage());
            Console.out().println("Migration failed; the database stays at version " + migrator.currentVersion() + ".");
            return ExitCodes.DIFFERENCES;
        }
        MigrationVersion after = migrator.currentVersion();
        Console.out().println(before.equals(after)
                ? "The database is already at version " + after + "; nothing to do."
                : "Migrated the database from version " + before + " to " + after + ".");
        return ExitCodes.OK;
    }
}
