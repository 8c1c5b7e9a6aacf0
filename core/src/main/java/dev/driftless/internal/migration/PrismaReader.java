package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PrismaReader} reads Prisma Migrate's folders: {@code 20240101120000_init/migration.sql}, no down scripts.
 * Prisma sends each file as one query, so a file of several statements runs as one transaction
 * ({@link Scripts#oneQuery}).
 */
final class PrismaReader implements LayoutReader {

    private static final Pattern FOLDER = Pattern.compile("(\\d+)_(.+)");

    @Override
    public void read(Discovery discovery) {
        discovery.toolReads("Prisma Migrate reads only migration.sql in each migration folder",
                e -> !e.folder().contains("/"));
        for (Resource entry : discovery.tree().resources()) {
            Matcher m = FOLDER.matcher(entry.folder());
            if (!entry.fileName().equals("migration.sql") || !m.matches()) {
                continue;
            }
            TransactionRule transaction = discovery.text(entry).map(t -> Scripts.oneQuery(t, "Prisma Migrate"))
                    .orElse(TransactionRule.AUTO);
            discovery.up(MigrationVersion.parse(m.group(1)), LayoutReader.describe(m.group(2)), entry, transaction);
            discovery.use(entry);
        }
    }
}
