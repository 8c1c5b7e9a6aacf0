package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FlywayReader} reads Flyway's names anywhere below the location: {@code V1.1__x.sql} (versioned),
 * {@code U1.1__x.sql} (undo) and {@code R__x.sql} (repeatable). A companion {@code V1__x.sql.conf} holding
 * {@code executeInTransaction=false} marks the script as non-transactional, as Flyway's script configuration does.
 */
final class FlywayReader implements LayoutReader {

    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*false\\s*$");

    @Override
    public void read(Discovery discovery) {
        for (Resource entry : discovery.tree().resources()) {
            Matcher versioned = VERSIONED.matcher(entry.fileName());
            Matcher repeatable = REPEATABLE.matcher(entry.fileName());
            if (versioned.matches()) {
                boolean noTransaction = noTransaction(discovery, entry);
                MigrationVersion version = MigrationVersion.parse(versioned.group(2));
                String description = LayoutReader.describe(versioned.group(3));
                if (versioned.group(1).equals("V")) {
                    discovery.up(version, description, entry, noTransaction);
                } else {
                    discovery.down(version, description, entry, noTransaction);
                }
                discovery.use(entry);
            } else if (repeatable.matches()) {
                discovery.repeatable(LayoutReader.describe(repeatable.group(1)), entry,
                        noTransaction(discovery, entry));
                discovery.use(entry);
            }
        }
    }

    private static boolean noTransaction(Discovery discovery, Resource script) {
        Optional<Resource> conf = discovery.tree().find(script.relativePath() + ".conf");
        conf.ifPresent(discovery::use);
        return conf.flatMap(discovery::text).map(text -> NO_TRANSACTION.matcher(text).find()).orElse(false);
    }
}
