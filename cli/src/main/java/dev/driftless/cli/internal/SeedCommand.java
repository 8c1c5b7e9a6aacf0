package dev.driftless.cli.internal;

import dev.driftless.resource.Location;
import dev.driftless.resource.ResourceException;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code SeedCommand} is {@code driftless seed --jdbc-url URL FIXTURES...}: loads fixture files into a dev database in
 * one transaction. It refuses tables that already hold rows unless {@code --truncate}, and never drops anything.
 */
@Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads fixture files (YAML, JSON, DbUnit flat XML, CSV) into the database at --jdbc-url, in one "
                + "transaction: parents before children, $ref aliases resolved, sequences moved past explicit keys.",
            "Refuses when a table of the fixtures already holds rows, unless --truncate. Never drops a database.",
            "Exit 0 when loaded, 1 when refused, 2 on bad input (a missing file, a fixture that does not fit the schema)."},
        footer = {"", "Examples:",
            "  driftless seed --jdbc-url jdbc:postgresql://localhost:5432/app_dev fixtures/studio.yml",
            "  driftless seed --jdbc-url jdbc:postgresql://localhost:5432/app_dev --truncate fixtures/*.yml"})
public final class SeedCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FIXTURES", description = "Fixture files, merged in order.")
    private List<Path> fixtures = new ArrayList<>();

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The database to seed. Password from DRIFTLESS_JDBC_PASSWORD or PGPASSWORD.")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "User (default: DRIFTLESS_JDBC_USER, else from the URL).")
    private String user;

    @Option(names = "--truncate",
            description = "Empty the fixtures' tables first (TRUNCATE ... RESTART IDENTITY), in the same transaction as "
                    + "the load: a fixture that is refused or fails to load leaves every table as it was. Tables that "
                    + "refer to them must be among them.")
    private boolean truncate;

    @Mixin
    private LoggingOptions loggingOptions;

    @Override
    public Integer call() {
        Fixture fixture = null;
        for (Path file : fixtures) {
            Fixture read;
            try {
                read = Fixture.of(Location.of(file.toString()).list("fixtures"));
            } catch (ResourceException e) {
                throw new BadInputException("fixture " + file + ": " + e.getMessage());
            }
            fixture = fixture == null ? read : fixture.and(read);
        }
        DataSource dataSource = Jdbc.dataSource(jdbcUrl, user);
        Seeder seeder = Seeder.on(dataSource);
        if (truncate) {
            Console.progress("Loading " + count(fixture.size(), "row") + " into " + String.join(", ", fixture.tables())
                    + " (emptied first, in the same transaction) ...");
            seeder.truncateAndLoad(fixture);
        } else {
            Map<String, Long> filled = new LinkedHashMap<>(seeder.rowCounts(fixture.tables().toArray(String[]::new)));
            filled.values().removeIf(rows -> rows == 0);
            if (!filled.isEmpty()) {
                StringBuilder message = new StringBuilder("Refusing to seed: these tables already hold rows:");
                filled.forEach((table, rows) -> message.append("\n  ").append(table).append(" (").append(rows)
                        .append(rows == 1 ? " row)" : " rows)"));
                message.append("\nNothing was inserted. Seed an empty database, or add --truncate to empty the "
                        + "fixtures' tables first.");
                Console.progress(message.toString());
                return ExitCodes.DIFFERENCES;
            }
            Console.progress("Loading " + count(fixture.size(), "row") + " ...");
            seeder.load(fixture);
        }
        Console.out().println("Seeded " + count(fixture.size(), "row") + " into "
                + count(fixture.tables().size(), "table") + ": " + String.join(", ", fixture.tables()) + ".");
        return ExitCodes.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
