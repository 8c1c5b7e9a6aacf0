package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FlywayReader} reads Flyway's names anywhere below the location: {@code V1.1__x.sql} (versioned),
 * {@code U1.1__x.sql} (undo), {@code R__x.sql} (repeatable) and {@code B5__x.sql} (baseline: the schema at version 5,
 * run only on a new database, as Flyway's baseline migrations are). A companion {@code V1__x.sql.conf} holding
 * {@code executeInTransaction=false} (or {@code true}) decides the script's transaction, as Flyway's script
 * configuration does; without one Flyway, like Driftless, runs a script outside a transaction when it holds a
 * statement PostgreSQL refuses inside one.
 *
 * <p>It agrees with Flyway on what it accepts: a version is shown as Flyway shows it ({@code V1_12_15__x.sql} is
 * {@code 1.12.15}), a description is derived as Flyway derives it (underscores become spaces). Flyway's SQL callbacks
 * ({@code beforeMigrate.sql}, {@code afterEachMigrate__log.sql}, ...) are recognised and refused with what to do: only
 * the real Flyway runs them (the Flyway engine, docs/engines.md). Placeholders ({@code ${currency}},
 * {@code ${flyway:defaultSchema}}) are replaced as Flyway replaces them ({@link FlywayPlaceholders}), with the values
 * of the project's Flyway configuration; one without a value makes the chain invalid, naming its file and line.
 */
final class FlywayReader implements LayoutReader {

    private static final Pattern VERSIONED = Pattern.compile("([VUB])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    /** Flyway's callback events, as a callback script is named: {@code afterMigrate.sql}, {@code afterMigrate__x.sql}. */
    private static final Pattern CALLBACK = Pattern.compile("(?:(?:before|after)(?:Migrate|EachMigrate"
            + "|EachMigrateStatement|MigrateError|EachMigrateError|EachMigrateStatementError|MigrateApplied|Versioned|Repeatables"
            + "|Validate|ValidateError|Clean|CleanError|Info|InfoError|Baseline|BaselineError|Repair|RepairError"
            + "|Undo|EachUndo|EachUndoStatement|UndoError|EachUndoError|EachUndoStatementError|Connect"
            + "|CreateSchema)|createSchema)(__.*)?\\.sql");
    private static final Pattern IN_TRANSACTION =
            Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*(true|false)\\s*$");

    @Override
    public void read(Discovery discovery) {
        FlywayPlaceholders placeholders = null;
        for (Resource entry : discovery.tree().resources()) {
            Matcher versioned = VERSIONED.matcher(entry.fileName());
            Matcher repeatable = REPEATABLE.matcher(entry.fileName());
            if (versioned.matches() || repeatable.matches()) {
                discovery.use(entry);
                TransactionRule transaction = transaction(discovery, entry);
                Optional<String> text = discovery.text(entry);
                if (text.isEmpty()) {
                    if (versioned.matches() && versioned.group(1).equals("V")) {
                        discovery.up(MigrationVersion.parse(versioned.group(2).replace('_', '.')), "", entry,
                                transaction); // records the version as unreadable
                    }
                    continue;
                }
                String replaced = text.get();
                if (replaced.contains("${")) {
                    // the project's configuration is read only for a chain that has placeholders
                    placeholders = placeholders != null ? placeholders : FlywayPlaceholders.of(discovery.tree(),
                            discovery.flywayConfiguration());
                    List<String> problems = new ArrayList<>();
                    replaced = placeholders.replace(entry.name(), replaced, problems);
                    discovery.errors(problems);
                }
                ScriptSource source = new ScriptSource(entry.name(), replaced, 1, entry.baseDirectory(), transaction);
                if (repeatable.matches()) {
                    discovery.repeatable(LayoutReader.describe(repeatable.group(1)), source);
                    continue;
                }
                // Flyway shows 1_12_15 as 1.12.15; the two compare equal either way.
                MigrationVersion version = MigrationVersion.parse(versioned.group(2).replace('_', '.'));
                String description = LayoutReader.describe(versioned.group(3));
                switch (versioned.group(1)) {
                    case "V" -> discovery.up(version, description, source);
                    case "U" -> discovery.down(version, description, source);
                    default -> discovery.baseline(version, description, source);
                }
            } else if (CALLBACK.matcher(entry.fileName()).matches()) {
                discovery.error(entry.name() + " is a Flyway callback, which only Flyway runs: add"
                        + " org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql to the test dependencies"
                        + " to run callbacks, and migrate with the Flyway engine (FlywaySettings, docs/engines.md)");
                discovery.use(entry);
            }
        }
    }

    private static TransactionRule transaction(Discovery discovery, Resource script) {
        Optional<Resource> conf = discovery.tree().find(script.relativePath() + ".conf");
        conf.ifPresent(discovery::use);
        Optional<Matcher> setting = conf.flatMap(discovery::text).map(IN_TRANSACTION::matcher).filter(Matcher::find);
        if (setting.isEmpty()) {
            return TransactionRule.AUTO;
        }
        String reason = "its " + script.fileName() + ".conf sets executeInTransaction=" + setting.get().group(1);
        return setting.get().group(1).equals("false") ? TransactionRule.outside(reason)
                : TransactionRule.inTransaction(reason);
    }
}
