package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GolangMigrateReader} reads golang-migrate's {@code 1_init.up.sql} and {@code 1_init.down.sql} files. */
final class GolangMigrateReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("(\\d+)_(.+)\\.(up|down)\\.sql");

    @Override
    public void read(Discovery discovery) {
        for (Resource entry : discovery.tree().resources()) {
            Matcher m = NAME.matcher(entry.fileName());
            if (!entry.folder().isEmpty() || !m.matches()) {
                continue;
            }
            MigrationVersion version = MigrationVersion.parse(m.group(1));
            String description = LayoutReader.describe(m.group(2));
            if (m.group(3).equals("up")) {
                discovery.up(version, description, entry, false);
            } else {
                discovery.down(version, description, entry, false);
            }
            discovery.use(entry);
        }
    }
}
