package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FolderReader} reads one folder per migration, as diesel and sourcegraph lay them out:
 * {@code 2019-01-01-000000_create_x/up.sql} and {@code down.sql}. Diesel's {@code metadata.toml} with
 * {@code run_in_transaction = false} and sourcegraph's {@code metadata.yaml} with {@code createIndexConcurrently: true}
 * mark the migration as non-transactional.
 */
final class FolderReader implements LayoutReader {

    static final Pattern FOLDER = Pattern.compile("(\\d+(?:-\\d+)*)(?:_(.*))?");
    private static final Pattern DIESEL_NO_TRANSACTION =
            Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*(#.*)?$");
    private static final Pattern SOURCEGRAPH_CONCURRENTLY =
            Pattern.compile("(?m)^\\s*createIndexConcurrently\\s*:\\s*true\\s*(#.*)?$");

    @Override
    public void read(Discovery discovery) {
        Set<String> folders = new LinkedHashSet<>();
        for (Resource entry : discovery.tree().resources()) {
            if (!entry.folder().isEmpty() && !entry.folder().contains("/")) {
                folders.add(entry.folder());
            }
        }
        for (String folder : folders) {
            Matcher m = FOLDER.matcher(folder);
            if (!m.matches()) {
                continue;
            }
            MigrationVersion version = MigrationVersion.parse(m.group(1));
            String description = m.group(2) == null ? "" : LayoutReader.describe(m.group(2));
            boolean noTransaction = flag(discovery, folder + "/metadata.toml", DIESEL_NO_TRANSACTION)
                    | flag(discovery, folder + "/metadata.yaml", SOURCEGRAPH_CONCURRENTLY);
            Optional<Resource> up = discovery.tree().find(folder + "/up.sql");
            Optional<Resource> down = discovery.tree().find(folder + "/down.sql");
            up.ifPresent(e -> {
                discovery.up(version, description, e, noTransaction);
                discovery.use(e);
            });
            down.ifPresent(e -> {
                discovery.down(version, description, e, noTransaction);
                discovery.use(e);
            });
        }
    }

    private static boolean flag(Discovery discovery, String path, Pattern pattern) {
        Optional<Resource> metadata = discovery.tree().find(path);
        metadata.ifPresent(discovery::use);
        return metadata.flatMap(discovery::text).map(text -> pattern.matcher(text).find()).orElse(false);
    }
}
