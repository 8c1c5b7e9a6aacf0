package dev.driftless.assertions.internal;

import dev.driftless.DriftlessException;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.ChangeCategory;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import dev.driftless.server.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code MigrationChecks} runs the checks of {@code MigrationChainAssert} on fresh databases of a server and returns
 * what it found, one entry per failing migration, for the assertion to word.
 */
public final class MigrationChecks {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationChecks.class);

    /**
     * {@code Outcome} is what a check over every migration found.
     *
     * @param failures one text per failing migration (its header line, then indented details)
     * @param notes migrations reported but not failing (no down script, column order only when accepted)
     * @param withoutDown the migrations without a down script
     */
    public record Outcome(List<String> failures, List<String> notes, List<String> withoutDown) {
    }

    /**
     * {@code Compared} is the two schemas of a comparison.
     *
     * @param expected the schema built by the expected path
     * @param actual the schema built by the chain
     */
    public record Compared(SchemaSnapshot expected, SchemaSnapshot actual) {
    }

    private final MigrationChain chain;
    private final PostgresServer server;
    private final DiffOptions options;

    /**
     * Creates the checks.
     *
     * @param chain the chain
     * @param server the server for fresh databases
     * @param options how schemas compare
     */
    public MigrationChecks(MigrationChain chain, PostgresServer server, DiffOptions options) {
        this.chain = chain;
        this.server = server;
        this.options = options;
    }

    /**
     * Makes the migrator of a check's database. The database is dropped after the check, so its messages call it
     * "the check's database" rather than by its generated name.
     *
     * @param chain the chain to follow
     * @param db the check's database
     * @return the migrator
     */
    public static Migrator migrator(MigrationChain chain, FreshDatabase db) {
        return Migrator.of(chain, db.database()).withDatabaseLabel("the check's database");
    }

    /**
     * Builds the chain up to a version, and another database with an expected path, and reads both schemas.
     *
     * @param target the version, or {@code null} for the latest
     * @param expectedPath what builds the expected schema on an empty database
     * @return the two schemas
     */
    public Compared compare(MigrationVersion target, java.util.function.Consumer<FreshDatabase> expectedPath) {
        try (FreshDatabase migrated = FreshDatabase.on(server); FreshDatabase expected = FreshDatabase.on(server)) {
            Migrator migrator = migrator(chain, migrated);
            if (target == null) {
                migrator.migrateToLatest();
            } else {
                migrator.migrateTo(target);
            }
            expectedPath.accept(expected);
            return new Compared(expected.snapshot(), migrated.snapshot());
        }
    }

    /**
     * Checks every migration with a down script: up, down (schema as before up), up again (schema as after up).
     *
     * @param acceptColumnOrder whether a difference in column order alone passes
     * @return what was found
     */
    public Outcome reversibility(boolean acceptColumnOrder) {
        List<Migration> migrations = chain.migrations();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> withoutDown = new ArrayList<>();
        FreshDatabase db = FreshDatabase.on(server);
        try {
            Migrator migrator = migrator(chain, db);
            SchemaSnapshot before = db.snapshot();
            for (int i = 0; i < migrations.size(); i++) {
                Migration m = migrations.get(i);
                MigrationVersion previous = i == 0 ? MigrationVersion.EMPTY : migrations.get(i - 1).version();
                progress("areReversible", i, migrations.size(), m);
                migrator.migrateTo(m.version());
                SchemaSnapshot after = db.snapshot();
                if (m.down().isEmpty()) {
                    withoutDown.add(m.toString());
                    before = after;
                    continue;
                }
                List<String> problems = new ArrayList<>();
                boolean columnOrderOnly = true;
                try {
                    migrator.migrateTo(previous);
                    SchemaDiff down = SchemaDiff.between(before, db.snapshot(), options);
                    if (!down.isEmpty()) {
                        columnOrderOnly &= onlyColumnOrder(down);
                        problems.add("down does not restore the schema before up (before up → after down):\n"
                                + Message.indent(down.toText(), "  "));
                    }
                    migrator.migrateTo(m.version());
                    SchemaDiff redo = SchemaDiff.between(after, db.snapshot(), options);
                    if (!redo.isEmpty()) {
                        columnOrderOnly &= onlyColumnOrder(redo);
                        problems.add("up again does not give the schema of the first up (first up → up again):\n"
                                + Message.indent(redo.toText(), "  "));
                    }
                } catch (DriftlessException e) {
                    columnOrderOnly = false;
                    problems.add((migrator.currentVersion().equals(m.version()) ? "down" : "up again")
                            + " failed:\n" + Message.indent(e.getMessage(), "  "));
                }
                if (!problems.isEmpty()) {
                    String text = m + (columnOrderOnly ? " (column order only)" : "") + ":\n"
                            + Message.indent(String.join("\n", problems), "  ");
                    if (columnOrderOnly && acceptColumnOrder) {
                        notes.add(text);
                    } else {
                        failures.add(text);
                    }
                    db.close();
                    db = FreshDatabase.on(server);
                    migrator = migrator(chain, db);
                    migrator.migrateTo(m.version());
                }
                before = after;
            }
        } finally {
            db.close();
        }
        return new Outcome(failures, notes, withoutDown);
    }

    /**
     * Runs every migration's up script twice, directly (no history table): the second run must succeed and leave
     * the schema of the first.
     *
     * @return what was found
     */
    public Outcome idempotency() {
        List<Migration> migrations = chain.migrations();
        List<String> failures = new ArrayList<>();
        FreshDatabase db = FreshDatabase.on(server);
        try {
            for (int i = 0; i < migrations.size(); i++) {
                Migration m = migrations.get(i);
                progress("areIdempotent", i, migrations.size(), m);
                db.run(m.up());
                SchemaSnapshot first = db.snapshot();
                String problem = null;
                try {
                    db.run(m.up());
                    SchemaDiff diff = SchemaDiff.between(first, db.snapshot(), options);
                    if (!diff.isEmpty()) {
                        problem = "the second run changes the schema (after the first run → after the second):\n"
                                + Message.indent(diff.toText(), "  ");
                    }
                } catch (DriftlessException e) {
                    problem = "the second run failed:\n" + Message.indent(e.getMessage(), "  ");
                }
                if (problem != null) {
                    failures.add(m + ":\n" + Message.indent(problem, "  "));
                    db.close();
                    db = FreshDatabase.on(server);
                    db.runUp(migrations.subList(0, i + 1));
                }
            }
        } finally {
            db.close();
        }
        return new Outcome(failures, List.of(), List.of());
    }

    /**
     * Loads a fixture at a version, migrates on, and compares row counts (or the user's queries) before and after.
     *
     * @param fixture the rows
     * @param from the version to load at
     * @param to the version to migrate to, or {@code null} for the latest
     * @param queries table → query counting that table's rows after migrating (for renamed or split tables)
     * @return one line per table that lost rows
     */
    public List<String> dataPreservation(Fixture fixture, MigrationVersion from, MigrationVersion to,
            Map<String, String> queries) {
        try (FreshDatabase db = FreshDatabase.on(server)) {
            Migrator migrator = migrator(chain, db);
            migrator.migrateTo(from);
            Seeder.on(db.database()).load(fixture);
            Map<String, Long> before = new LinkedHashMap<>();
            for (String table : fixture.tables()) {
                before.put(table, count(db, "SELECT count(*) FROM " + table));
            }
            LOG.info("preserveData: loaded {} at {}, migrating to {}", fixture, from, to == null ? "latest" : to);
            if (to == null) {
                migrator.migrateToLatest();
            } else {
                migrator.migrateTo(to);
            }
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, Long> entry : before.entrySet()) {
                String query = queries.getOrDefault(entry.getKey(), "SELECT count(*) FROM " + entry.getKey());
                try {
                    long after = count(db, query);
                    if (after < entry.getValue()) {
                        lost.add(entry.getKey() + ": " + entry.getValue() + " → " + after
                                + (queries.containsKey(entry.getKey()) ? " (" + query + ")" : ""));
                    }
                } catch (SQLException e) {
                    lost.add(entry.getKey() + ": " + entry.getValue() + " → cannot count: [" + e.getSQLState() + "] "
                            + serverMessage(e) + (queries.containsKey(entry.getKey()) ? ""
                                    : "; if the migration renamed or moved it, give a query counting its rows:"
                                    + " preserveData(fixture, Map.of(\"" + entry.getKey() + "\", \"SELECT count(*)"
                                    + " FROM ...\"))"));
                }
            }
            return lost;
        } catch (SQLException e) {
            throw new DriftlessException("Cannot count the fixture's rows: [" + e.getSQLState() + "] "
                    + e.getMessage(), e);
        }
    }

    private static String serverMessage(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
        return message.startsWith("ERROR: ") ? message.substring("ERROR: ".length()) : message;
    }

    private static long count(FreshDatabase db, String query) throws SQLException {
        try (Connection c = db.database().connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean onlyColumnOrder(SchemaDiff diff) {
        return diff.changes().stream().allMatch(c -> c.category() == ChangeCategory.COLUMN_ORDER);
    }

    private void progress(String check, int index, int total, Migration migration) {
        if (total > 1) {
            LOG.info("{} {}/{}: {}", check, index + 1, total, migration);
        }
    }
}
