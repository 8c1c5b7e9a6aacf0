package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

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
 */
final class FlywayReader implements LayoutReader {

    private static final Pattern VERSIONED = Pattern.compile("([VUB])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final Pattern IN_TRANSACTION =
            Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*(true|false)\\s*$");

    @Override
    public void read(Discovery discovery) {
        for (Resource entry : discovery.tree().resources()) {
            Matcher versioned = VERSIONED.matcher(entry.fileName());
            Matcher repeatable = REPEATABLE.matcher(entry.fileName());
            if (versioned.matches()) {
                TransactionRule transaction = transaction(discovery, entry);
                MigrationVersion version = MigrationVersion.parse(versioned.group(2));
                String description = LayoutReader.describe(versioned.group(3));
                switch (versioned.group(1)) {
                    case "V" -> discovery.up(version, description, entry, transaction);
                    case "U" -> discovery.down(version, description, entry, transaction);
                    default -> discovery.baseline(version, description, entry, transaction);
                }
                discovery.use(entry);
            } else if (repeatable.matches()) {
                discovery.repeatable(LayoutReader.describe(repeatable.group(1)), entry, transaction(discovery, entry));
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
