package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DieselReader} reads a diesel migrations folder as diesel_migrations 2.x does
 * ({@code file_based_migrations.rs}, {@code migrations_internals/src/lib.rs}, {@code migration_harness.rs}):
 * <ul>
 * <li>every folder at the top not starting with {@code .} is a migration and must hold {@code up.sql}; files beside
 * the folders, and files other than {@code up.sql}, {@code down.sql} and {@code metadata.toml} in them, are not
 * read;</li>
 * <li>the version is the folder name up to its first {@code _}, dashes removed, and versions run in the order of
 * those strings ({@code 2025-11-19-091444-0000} before {@code 2026-01-20-162913});</li>
 * <li>up and down run in a transaction unless {@code metadata.toml} says {@code run_in_transaction = false}; a
 * {@code metadata.toml} that does not name the key counts as {@code false} ({@code #[serde(default)]} on a
 * {@code bool});</li>
 * <li>an empty {@code up.sql} is refused ({@code RunMigrationsError::EmptyMigration}).</li>
 * </ul>
 */
final class DieselReader implements LayoutReader {

    static final Pattern FOLDER = Pattern.compile("(\\d+(?:-\\d+)*)(?:_(.*))?");
    /** Diesel's {@code MigrationVersion} is the folder's prefix without dashes, compared as a string. */
    static final Comparator<MigrationVersion> ORDER = Comparator.comparing(v -> v.toString().replace("-", ""));
    private static final Pattern RUN_IN_TRANSACTION =
            Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*(true|false)\\s*(#.*)?$");
    private static final String IN_TRANSACTION = "diesel runs each migration, up and down, in a transaction unless"
            + " its metadata.toml sets run_in_transaction = false";

    @Override
    public void read(Discovery discovery) {
        discovery.orderBy(ORDER);
        discovery.toolReads("diesel reads only up.sql, down.sql and metadata.toml in each migration folder",
                e -> !e.folder().contains("/"));
        Set<String> folders = new LinkedHashSet<>();
        for (Resource entry : discovery.tree().resources()) {
            String top = entry.relativePath().split("/", 2)[0];
            if (top.startsWith(".")) {
                discovery.ignore(entry, "diesel skips names starting with a dot");
            } else if (!entry.folder().isEmpty()) {
                folders.add(entry.folder().split("/", 2)[0]);
            }
        }
        for (String folder : folders) {
            readFolder(discovery, folder);
        }
    }

    private static void readFolder(Discovery discovery, String folder) {
        Optional<Resource> up = discovery.tree().find(folder + "/up.sql");
        Optional<Resource> down = discovery.tree().find(folder + "/down.sql");
        Matcher m = FOLDER.matcher(folder);
        String where = discovery.tree().location() + "/" + folder;
        if (up.isEmpty() && down.isEmpty()) {
            discovery.error(where + " is a folder without up.sql; diesel takes every folder there for a migration and"
                    + " refuses one without up.sql: add up.sql, or move the folder out of the migrations folder");
            return;
        }
        if (!m.matches()) {
            discovery.error(where + " holds a migration, but its name does not start with a version (expected"
                    + " names like 2019-01-01-000000_create_x); rename it or move it out of the migrations folder");
            up.ifPresent(discovery::use);
            down.ifPresent(discovery::use);
            return;
        }
        MigrationVersion version = MigrationVersion.parse(m.group(1));
        String description = m.group(2) == null ? "" : LayoutReader.describe(m.group(2));
        TransactionRule transaction = transaction(discovery, folder);
        up.ifPresent(e -> {
            discovery.use(e);
            if (discovery.text(e).map(String::isEmpty).orElse(false)) {
                discovery.error(e.name() + " is empty; diesel refuses to run an empty migration: write its SQL, or"
                        + " delete the folder");
            }
            discovery.up(version, description, e, transaction);
        });
        down.ifPresent(e -> {
            discovery.down(version, description, e, transaction);
            discovery.use(e);
        });
    }

    private static TransactionRule transaction(Discovery discovery, String folder) {
        Optional<Resource> metadata = discovery.tree().find(folder + "/metadata.toml");
        if (metadata.isEmpty()) {
            return TransactionRule.inTransaction(IN_TRANSACTION);
        }
        discovery.use(metadata.get());
        Optional<String> text = discovery.text(metadata.get());
        if (text.isEmpty()) {
            return TransactionRule.inTransaction(IN_TRANSACTION);
        }
        Matcher key = RUN_IN_TRANSACTION.matcher(text.get());
        if (!key.find()) {
            return TransactionRule.outside("its metadata.toml does not set run_in_transaction, which diesel then"
                    + " reads as false");
        }
        return key.group(1).equals("false")
                ? TransactionRule.outside("its metadata.toml sets run_in_transaction = false")
                : TransactionRule.inTransaction("its metadata.toml sets run_in_transaction = true");
    }
}
