package dev.driftless.internal.migration;

import dev.driftless.migration.MigrationVersion;
import dev.driftless.resource.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PopReader} reads a pop (gobuffalo/pop, Ory's popx) migrations folder as popx does ({@code popx/match.go},
 * {@code popx/migration_info.go}, {@code popx/migrator.go}):
 * <ul>
 * <li>every file below the location named {@code <version>_<name>[.<dialect>][.autocommit].(up|down).(sql|fizz)} is
 * a migration; the dialect is one of pop's ({@code postgres}, {@code cockroach}, {@code mysql}, {@code sqlite3}, with
 * their synonyms {@code postgresql}, {@code pg}, {@code cockroachdb}, {@code crdb}, {@code sqlite}); a file of an
 * unknown dialect, and every other file, is not read;</li>
 * <li>for each version and direction the {@code .postgres.} file wins over the generic one (no dialect); files of the
 * other dialects are not run on PostgreSQL;</li>
 * <li>versions run in the order of their text (pop compares them as strings);</li>
 * <li>each migration runs in a transaction, one named {@code .autocommit.} outside one.</li>
 * </ul>
 * A {@code .fizz} file is pop's own DSL, which Driftless does not translate: one that PostgreSQL would run is an error.
 */
final class PopReader implements LayoutReader {

    /** popx's {@code mrx}. */
    static final Pattern NAME = Pattern.compile("(\\d+)_([^.]+)(\\.[a-z0-9]+)?(|\\.autocommit)\\.(up|down)\\.(sql|fizz)");
    private static final Map<String, String> DIALECTS = Map.of("postgres", "postgres", "postgresql", "postgres",
            "pg", "postgres", "cockroach", "cockroach", "cockroachdb", "cockroach", "crdb", "cockroach",
            "mysql", "mysql", "sqlite3", "sqlite3", "sqlite", "sqlite3");
    private static final String AUTOCOMMIT = ".autocommit";
    private static final Comparator<MigrationVersion> ORDER = Comparator.comparing(MigrationVersion::toString);

    private record File(Resource entry, String version, String name, String dialect, boolean autocommit, boolean up,
                        boolean fizz) {
    }

    /**
     * @param fileName a file name
     * @return whether pop reads it as a migration of a dialect, or as an autocommit or fizz migration: names
     *     golang-migrate would read as well but that only pop writes
     */
    static boolean isPopOnly(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() && (m.group(3) != null && (DIALECTS.containsKey(m.group(3).substring(1))
                || m.group(3).equals(AUTOCOMMIT)) || !m.group(4).isEmpty() || m.group(6).equals("fizz"));
    }

    @Override
    public void read(Discovery discovery) {
        discovery.orderBy(ORDER);
        discovery.toolReads("pop reads only files named like 20240101120000_init.up.sql or"
                + " 20240101120000_init.postgres.up.sql", e -> true);
        Map<String, List<File>> byKey = new LinkedHashMap<>();
        for (Resource entry : discovery.tree().resources()) {
            Matcher m = NAME.matcher(entry.fileName());
            if (!m.matches()) {
                continue;
            }
            String dialect = m.group(3) == null ? "all" : DIALECTS.get(m.group(3).substring(1));
            if (dialect == null && m.group(3).equals(AUTOCOMMIT)) {
                discovery.ignoreWithWarning(entry, "popx reads .autocommit. only after a dialect, as in "
                        + m.group(1) + "_" + m.group(2) + ".postgres.autocommit." + m.group(5) + "." + m.group(6)
                        + "; here it takes autocommit for a dialect it does not know and skips the file");
                continue;
            }
            if (dialect == null) {
                discovery.ignore(entry, "pop skips files of a dialect it does not know ("
                        + m.group(3).substring(1) + ")");
                continue;
            }
            File file = new File(entry, m.group(1), m.group(2), dialect, !m.group(4).isEmpty(), m.group(5).equals("up"),
                    m.group(6).equals("fizz"));
            byKey.computeIfAbsent(file.version() + (file.up() ? "/up" : "/down"), k -> new ArrayList<>()).add(file);
        }
        for (List<File> files : byKey.values()) {
            boolean specific = files.stream().anyMatch(f -> f.dialect().equals("postgres"));
            for (File file : files) {
                if (!file.dialect().equals(specific ? "postgres" : "all")) {
                    discovery.ignore(file.entry(), file.dialect().equals("all")
                            ? "pop runs the .postgres. file of this version on PostgreSQL instead"
                            : "a " + file.dialect() + " migration, which pop does not run on PostgreSQL");
                } else {
                    add(discovery, file);
                }
            }
        }
    }

    private static void add(Discovery discovery, File file) {
        discovery.use(file.entry());
        if (file.fizz()) {
            discovery.error(file.entry().name() + " is a fizz migration, which pop translates into SQL itself and"
                    + " Driftless does not; add " + file.version() + "_" + file.name() + ".postgres."
                    + (file.autocommit() ? "autocommit." : "") + (file.up() ? "up" : "down")
                    + ".sql with its SQL for PostgreSQL, which pop then runs instead");
            return;
        }
        MigrationVersion version = MigrationVersion.parse(file.version());
        String description = LayoutReader.describe(file.name());
        TransactionRule transaction = file.autocommit()
                ? TransactionRule.outside("its name holds .autocommit., so popx runs it outside a transaction")
                : TransactionRule.inTransaction("pop runs each migration in a transaction unless its name holds"
                        + " .autocommit.");
        if (file.up()) {
            discovery.up(version, description, file.entry(), transaction);
        } else {
            discovery.down(version, description, file.entry(), transaction);
        }
    }
}
