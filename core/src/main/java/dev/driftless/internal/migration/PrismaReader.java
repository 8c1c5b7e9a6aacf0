package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code PrismaReader} reads Prisma Migrate's folders: {@code 20240101120000_init/migration.sql}, no down scripts. */
final class PrismaReader implements LayoutReader {

    private static final Pattern FOLDER = Pattern.compile("(\\d+)_(.+)");

    @Override
    public void read(Discovery discovery) {
        for (Resource entry : discovery.tree().resources()) {
            Matcher m = FOLDER.matcher(entry.folder());
            if (!entry.fileName().equals("migration.sql") || !m.matches()) {
                continue;
            }
            discovery.up(MigrationVersion.parse(m.group(1)), LayoutReader.describe(m.group(2)), entry, false);
            discovery.use(entry);
        }
    }
}
