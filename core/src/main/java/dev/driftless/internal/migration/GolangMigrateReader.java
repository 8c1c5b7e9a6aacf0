package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GolangMigrateReader} reads golang-migrate's {@code 1_init.up.sql} and {@code 1_init.down.sql} files at the
 * top of the location, as its file source does ({@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$}); other files are ignored,
 * as golang-migrate ignores them. Its PostgreSQL driver sends each file as one query, so a file of several statements
 * runs as one transaction ({@link Scripts#oneQuery}).
 */
final class GolangMigrateReader implements LayoutReader {

    static final String TOOL = "golang-migrate";
    private static final Pattern NAME = Pattern.compile("(\\d+)_(.+)\\.(up|down)\\.sql");

    @Override
    public void read(Discovery discovery) {
        discovery.toolReads("golang-migrate reads only files named like 1_init.up.sql and 1_init.down.sql at the top"
                + " of the folder", e -> e.folder().isEmpty());
        for (Resource entry : discovery.tree().resources()) {
            Matcher m = NAME.matcher(entry.fileName());
            if (!entry.folder().isEmpty() || !m.matches()) {
                continue;
            }
            MigrationVersion version = MigrationVersion.parse(m.group(1));
            String description = LayoutReader.describe(m.group(2));
            TransactionRule transaction = discovery.text(entry).map(t -> Scripts.oneQuery(t, TOOL))
                    .orElse(TransactionRule.AUTO);
            if (m.group(3).equals("up")) {
                discovery.up(version, description, entry, transaction);
            } else {
                discovery.down(version, description, entry, transaction);
            }
            discovery.use(entry);
        }
    }
}
