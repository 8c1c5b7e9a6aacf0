package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;

/**
 * {@code FolderReader} reads one folder per migration, as diesel and sourcegraph lay them out:
 * {@code 2019-01-01-000000_create_x/up.sql} and {@code down.sql}. The two tools differ in everything else (which
 * files they read, the order, transactions), so the folder is read as sourcegraph's when a migration folder holds a
 * {@code metadata.yaml} or the location holds sourcegraph's {@code squashed.sql} ({@link SourcegraphReader}), and as
 * diesel's otherwise ({@link DieselReader}).
 */
final class FolderReader implements LayoutReader {

    @Override
    public void read(Discovery discovery) {
        boolean sourcegraph = discovery.tree().resources().stream().anyMatch(FolderReader::isSourcegraphFile);
        (sourcegraph ? new SourcegraphReader() : new DieselReader()).read(discovery);
    }

    private static boolean isSourcegraphFile(Resource entry) {
        return entry.folder().isEmpty() ? entry.fileName().equals(SourcegraphReader.SQUASHED)
                : !entry.folder().contains("/") && entry.fileName().equals(SourcegraphReader.METADATA);
    }
}
