package dev.driftless.internal.migration;

import dev.driftless.resource.ResourceException;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Resource;
import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code LayoutDetector} chooses the {@link Layout} of a folder of migrations from the names (and, for dbmate, the
 * markers) of its files. The most specific evidence wins: a {@code sqitch.plan}, then {@code v1.0/manifest.json}
 * version folders, {@code migration.sql} or {@code up.sql} folders, Flyway names, pop names (a dialect,
 * {@code .autocommit.} or {@code .fizz}), golang-migrate {@code .up.sql} names, dbmate markers, numbered files.
 */
public final class LayoutDetector {

    private static final Pattern FLYWAY = Pattern.compile("([VUB]\\d+(?:[._]\\d+)*|R)__.+\\.sql");
    private static final Pattern GOLANG = Pattern.compile("\\d+_.+\\.up\\.sql");
    private static final Pattern NUMBERED = Pattern.compile("\\d+([_.-].*)?\\.sql");

    private LayoutDetector() {
    }

    /**
     * @param tree the files of a folder location
     * @return the layout
     * @throws MigrationException when the folder is empty or no file fits any layout; the message lists the files
     */
    public static Layout detect(Listing tree) {
        return detected(tree).orElseThrow(() -> {
            if (tree.resources().isEmpty()) {
                return ReadErrors.of("No migrations found at '" + tree.location() + "': the folder is empty");
            }
            String files = tree.resources().stream().limit(20).map(Resource::relativePath)
                    .collect(Collectors.joining(", "));
            String layouts = Arrays.stream(Layout.values()).filter(l -> l != Layout.MASTER_SCHEMA)
                    .map(l -> l.displayName() + " (" + l.examples() + ")").collect(Collectors.joining("\n  "));
            return ReadErrors.of("No migrations found at '" + tree.location() + "': none of its "
                    + tree.resources().size() + " files (" + files + (tree.resources().size() > 20 ? ", ..." : "")
                    + ") fits a known layout. Known layouts:\n  " + layouts);
        });
    }

    /**
     * @param tree the files of a folder location
     * @return the layout the files fit, empty when the folder is empty or none fits
     */
    public static Optional<Layout> detected(Listing tree) {
        List<Resource> entries = tree.resources();
        if (tree.find(SqitchReader.PLAN).isPresent()) {
            return Optional.of(Layout.SQITCH);
        }
        if (entries.stream().anyMatch(e -> depth(e) == 1 && ManifestReader.MANIFESTS.contains(e.fileName())
                && ManifestReader.FOLDER.matcher(e.folder()).matches())) {
            return Optional.of(Layout.MANIFEST);
        }
        if (entries.stream().anyMatch(e -> depth(e) == 1 && e.fileName().equals("migration.sql"))) {
            return Optional.of(Layout.PRISMA);
        }
        if (entries.stream().anyMatch(e -> depth(e) == 1 && e.fileName().equals("up.sql"))) {
            return Optional.of(Layout.FOLDER_PER_MIGRATION);
        }
        if (entries.stream().anyMatch(e -> FLYWAY.matcher(e.fileName()).matches())) {
            return Optional.of(Layout.FLYWAY);
        }
        if (entries.stream().anyMatch(e -> PopReader.isPopOnly(e.fileName()))) {
            return Optional.of(Layout.POP);
        }
        if (entries.stream().anyMatch(e -> depth(e) == 0 && GOLANG.matcher(e.fileName()).matches())) {
            return Optional.of(Layout.GOLANG_MIGRATE);
        }
        List<Resource> numbered = entries.stream()
                .filter(e -> depth(e) == 0 && NUMBERED.matcher(e.fileName()).matches())
                .collect(Collectors.toList());
        if (numbered.stream().anyMatch(LayoutDetector::hasDbmateMarker)) {
            return Optional.of(Layout.DBMATE);
        }
        return numbered.isEmpty() ? Optional.empty() : Optional.of(Layout.NUMBERED);
    }

    private static boolean hasDbmateMarker(Resource entry) {
        try {
            return entry.text().lines().anyMatch(line -> DbmateReader.MARKER.matcher(line.stripTrailing()).matches());
        } catch (ResourceException unreadable) {
            return false; // the layout's reader reports it
        }
    }

    private static int depth(Resource entry) {
        return (int) entry.relativePath().chars().filter(c -> c == '/').count();
    }

    /**
     * @param layout a folder layout (not {@link Layout#MASTER_SCHEMA})
     * @return the reader of that layout
     */
    static LayoutReader readerFor(Layout layout) {
        switch (layout) {
            case NUMBERED:
                return new NumberedReader();
            case FLYWAY:
                return new FlywayReader();
            case GOLANG_MIGRATE:
                return new GolangMigrateReader();
            case FOLDER_PER_MIGRATION:
                return new FolderReader();
            case PRISMA:
                return new PrismaReader();
            case DBMATE:
                return new DbmateReader();
            case SQITCH:
                return new SqitchReader();
            case POP:
                return new PopReader();
            case MANIFEST:
                return new ManifestReader();
            default:
                throw new IllegalArgumentException(layout + " is not a folder layout");
        }
    }
}
