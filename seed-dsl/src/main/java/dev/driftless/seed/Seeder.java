package dev.driftless.seed;

import dev.driftless.seed.internal.AliasRegistry;
import dev.driftless.seed.internal.AliasText;
import dev.driftless.seed.internal.Catalog;
import dev.driftless.seed.internal.CatalogReader;
import dev.driftless.seed.internal.Exporter;
import dev.driftless.seed.internal.FixtureRow;
import dev.driftless.seed.internal.Loader;
import dev.driftless.seed.internal.Outcome;
import dev.driftless.seed.internal.Placeholders;
import dev.driftless.seed.internal.Planner;
import dev.driftless.seed.internal.Suggestions;
import dev.driftless.seed.internal.TableInfo;
import dev.driftless.server.Database;
import dev.driftless.sql.ServerError;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code Seeder} loads fixtures into a database — from files ({@link #load(String...)}) or the Java DSL
 * ({@link #into(String)}) — and exports tables back into fixtures ({@link #export(String...)}).
 *
 * <pre>{@code
 * Seeder seed = Seeder.on(dataSource);
 * seed.load("fixtures/studio.yml");
 * seed.into("party").row("alice", r -> r.set("display_name", "Alice"))
 *     .into("booking").row(r -> r.set("party_id", ref("alice")).set("status", "Confirmed"))
 *     .load();
 * long aliceId = seed.row("alice").getLong("party_id");
 * }</pre>
 *
 * <p>Each load is one transaction: all rows or none. Before inserting, every table, column, alias and reference is
 * checked against the catalog, and every problem is reported at once with the closest existing name. Tables are
 * inserted parents first, whatever order the fixture gives; rows that refer to each other in a cycle are inserted
 * and then updated. Long runs of rows without aliases go through {@code COPY} (see {@link #withCopyThreshold(int)}),
 * the rest through multi-row {@code INSERT ... RETURNING}, which reads generated keys back for references. Values are
 * sent as text and cast to the column's catalog type, so the server parses them. Sequences and identity columns are
 * moved past the highest value a load gave explicitly.
 *
 * <p>For a database that is reused, {@link #truncateAndLoad(Fixture...)} empties the fixtures' tables and loads them
 * in the same transaction, after every row was checked: a fixture that fails changes nothing.
 *
 * <p>A seeder remembers the aliases of its committed loads, so a later load may refer to rows of an earlier one.
 * Thread-safe: loads through one seeder run one at a time.
 */
public final class Seeder {

    /** Runs of at least this many rows without aliases go through {@code COPY} unless configured otherwise. */
    public static final int DEFAULT_COPY_THRESHOLD = 500;

    private final DataSource dataSource;
    private final int copyThreshold;
    private final Clock clock;
    private final AliasRegistry aliases = new AliasRegistry();
    private final Set<String> seededTables = new LinkedHashSet<>();

    private Seeder(DataSource dataSource, int copyThreshold, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.copyThreshold = copyThreshold;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns a seeder for a data source. Each load takes one connection and returns it.
     *
     * @param dataSource the database to load into
     * @return a new seeder, never {@code null}
     */
    public static Seeder on(DataSource dataSource) {
        return new Seeder(dataSource, DEFAULT_COPY_THRESHOLD, Clock.systemUTC());
    }

    /**
     * Returns a seeder for a Driftless database.
     *
     * @param database the database to load into
     * @return a new seeder, never {@code null}
     */
    public static Seeder on(Database database) {
        return on(database.dataSource());
    }

    /**
     * Returns a new seeder on the same data source that sends runs of at least {@code rows} rows without aliases through
     * {@code COPY} (default {@value #DEFAULT_COPY_THRESHOLD}); {@link Integer#MAX_VALUE} never uses {@code COPY}.
     * The new seeder starts without aliases.
     *
     * @param rows the threshold, at least 1
     * @return the new seeder
     */
    public Seeder withCopyThreshold(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("The COPY threshold must be at least 1, not " + rows);
        }
        return new Seeder(dataSource, rows, clock);
    }

    /**
     * Returns a new seeder on the same data source whose {@code $now} and {@code $today} placeholders read this clock
     * (once per load; {@code $today} in the clock's zone). The new seeder starts without aliases.
     *
     * @param clock the clock
     * @return the new seeder
     */
    public Seeder withClock(Clock clock) {
        return new Seeder(dataSource, copyThreshold, clock);
    }

    /**
     * Returns the aliased rows of this seeder's committed loads as text (JSON), for {@link #withAliases(String)} on a
     * copy of this database: the JUnit extension keeps it with a template its seeds were loaded into, so that each
     * test's seeder can refer to the template's rows.
     *
     * <pre>{@code
     * String aliases = Seeder.on(template).load("fixtures/gateways.yml").aliasesAsText();
     * Seeder.on(copy).withAliases(aliases).load("fixtures/orders.yml");   // orders.yml may write $ref:gateway
     * }</pre>
     *
     * @return the text, never {@code null}; {@code []} when no load had aliases
     */
    public String aliasesAsText() {
        return AliasText.write(aliases.snapshot());
    }

    /**
     * Returns a new seeder on the same data source that starts with the aliases {@link #aliasesAsText()} gave, and
     * those of this seeder: {@code $ref:alias} and {@link #row(String)} then find rows loaded by another seeder into
     * the database this one is a copy of.
     *
     * @param text the text of {@link #aliasesAsText()}
     * @return the new seeder
     * @throws SeedException when the text is not what {@link #aliasesAsText()} returns
     */
    public Seeder withAliases(String text) {
        Seeder seeder = new Seeder(dataSource, copyThreshold, clock);
        seeder.aliases.addAll(aliases.snapshot());
        seeder.aliases.addAll(AliasText.read(Objects.requireNonNull(text, "text")));
        return seeder;
    }

    /**
     * Returns a reference to the row with an alias, for {@link RowValues#set(String, Object)}; resolves to the key
     * the column's foreign key points at. Same as {@code $ref:alias} in files.
     *
     * @param alias the referenced row's alias
     * @return the reference
     */
    public static Ref ref(String alias) {
        return Ref.to(alias);
    }

    /**
     * Returns a reference to one column of the row with an alias. Same as {@code $ref:alias.column} in files.
     *
     * @param alias the referenced row's alias
     * @param column the column whose value is used
     * @return the reference
     */
    public static Ref ref(String alias, String column) {
        return Ref.to(alias, column);
    }

    /**
     * Starts rows for a table in the Java DSL; finish with {@link TableRows#load()}.
     *
     * @param table the table name, bare (found through the search path) or {@code schema.table}
     * @return the builder
     */
    public TableRows into(String table) {
        return new TableRows(this, table);
    }

    /**
     * Loads fixture files, merged in order, in one transaction. Each location is a file path if such a file exists,
     * else a class path resource; see {@link Fixture} for the formats.
     *
     * @param locations the fixtures, e.g. {@code "fixtures/studio.yml"}
     * @return this seeder, for {@link #row(String)}
     * @throws SeedException when a fixture cannot be read, checked or inserted; then nothing was inserted
     */
    public Seeder load(String... locations) {
        return load(Arrays.stream(locations).map(Fixture::of).toArray(Fixture[]::new));
    }

    /**
     * Loads fixture files, merged in order, in one transaction.
     *
     * @param files the fixture files or CSV dataset directories
     * @return this seeder
     * @throws SeedException when a fixture cannot be read, checked or inserted; then nothing was inserted
     */
    public Seeder load(Path... files) {
        return load(Arrays.stream(files).map(Fixture::read).toArray(Fixture[]::new));
    }

    /**
     * Loads fixtures, merged in order, in one transaction: checks every row against the catalog, then inserts parents
     * before children, reads generated keys back for references, and moves sequences past explicit values. A table the
     * fixtures name without rows ({@link Fixture#emptyTables()}) must exist, and is left as it is: only
     * {@link #truncateAndLoad(Fixture...)} empties it.
     *
     * @param fixtures the fixtures
     * @return this seeder
     * @throws SeedException when a row cannot be checked or inserted, naming the fixture file (and line), table, row
     *         (index and alias), column and the server's message; then nothing was inserted
     */
    public Seeder load(Fixture... fixtures) {
        return load(fixtures, Outcome.insert());
    }

    /**
     * Empties the tables the fixture files have rows for and loads the files, in one transaction; see
     * {@link #truncateAndLoad(Fixture...)}.
     *
     * @param locations the fixtures, file paths or class path resources, e.g. {@code "fixtures/studio.yml"}
     * @return this seeder
     * @throws SeedException when a fixture cannot be read, checked or loaded, or a table cannot be emptied; then
     *         nothing was changed
     */
    public Seeder truncateAndLoad(String... locations) {
        return truncateAndLoad(Arrays.stream(locations).map(Fixture::of).toArray(Fixture[]::new));
    }

    /**
     * Empties the tables the fixture files have rows for and loads the files, in one transaction; see
     * {@link #truncateAndLoad(Fixture...)}.
     *
     * @param files the fixture files or CSV dataset directories
     * @return this seeder
     * @throws SeedException when a fixture cannot be read, checked or loaded, or a table cannot be emptied; then
     *         nothing was changed
     */
    public Seeder truncateAndLoad(Path... files) {
        return truncateAndLoad(Arrays.stream(files).map(Fixture::read).toArray(Fixture[]::new));
    }

    /**
     * Empties the tables the fixtures have rows for, and the tables they name without rows ({@code user_details:} with
     * nothing after it, see {@link Fixture#emptyTables()}), with {@code TRUNCATE ... RESTART IDENTITY}, and loads the
     * fixtures, in one transaction — Database Rider's {@code CLEAN_INSERT}, for a database that is reused. Every row is checked
     * against the catalog first, and nothing is emptied when a check fails; when a row then fails to insert, the
     * truncation is rolled back with the rows, so a failed call leaves every table as it was. Tables that refer to
     * these tables must have rows in the fixtures too (the server says which). Aliases of rows in the emptied tables
     * are forgotten.
     *
     * <pre>{@code
     * seed.truncateAndLoad("fixtures/studio.yml");   // the studio's tables now hold exactly the fixture's rows
     * }</pre>
     *
     * @param fixtures the fixtures
     * @return this seeder
     * @throws SeedException when a row cannot be checked or inserted, or a table cannot be emptied, naming the fixture
     *         file (and line), table, row, column and the server's message; then nothing was changed
     */
    public Seeder truncateAndLoad(Fixture... fixtures) {
        return load(fixtures, Outcome.truncateThenInsert());
    }

    private synchronized Seeder load(Fixture[] fixtures, Outcome outcome) {
        List<FixtureRow> rows = new ArrayList<>();
        List<FixtureRow> emptyTables = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            rows.addAll(fixture.fixtureRows());
            emptyTables.addAll(fixture.emptyTableRows());
        }
        if (rows.isEmpty() && emptyTables.isEmpty()) {
            return this;
        }
        Placeholders placeholders = new Placeholders(clock.instant(), clock.getZone());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Catalog catalog = CatalogReader.read(connection);
                // Tables the planner cannot find are reported by it; the rest are emptied once every row checks out.
                Set<String> emptied = new LinkedHashSet<>();
                if (outcome.truncates()) {
                    Set<String> written = new LinkedHashSet<>();
                    rows.forEach(r -> written.add(r.table()));
                    emptyTables.forEach(r -> written.add(r.table()));
                    catalog.findAll(written, new ArrayList<>()).keySet().forEach(emptied::add);
                }
                Map<String, AliasRegistry.Entry> earlier = without(aliases.snapshot(), emptied);
                Planner.Plan plan = new Planner(catalog, placeholders, earlier, outcome).plan(rows, emptyTables);
                truncateSql(connection, catalog, emptied, outcome);
                Map<String, AliasRegistry.Entry> added = new Loader(connection, copyThreshold, earlier, outcome)
                        .load(plan);
                connection.commit();
                forget(emptied);
                aliases.addAll(added);
                plan.rows().forEach(r -> seededTables.add(r.tableKey()));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SeedException("Cannot load fixtures: " + e.getMessage() + " [SQLSTATE " + e.getSQLState() + "]. "
                    + outcome.refused() + " Check that the database is reachable.", e);
        }
        return this;
    }

    /**
     * Returns an aliased row of an earlier load as the database stored it, generated keys included.
     *
     * @param alias the alias
     * @return the row, never {@code null}
     * @throws IllegalArgumentException when no committed load of this seeder has the alias
     */
    public SeededRow row(String alias) {
        AliasRegistry.Entry entry = aliases.get(alias);
        if (entry == null) {
            Map<String, AliasRegistry.Entry> all = aliases.snapshot();
            throw new IllegalArgumentException("No loaded row has alias \"" + alias + "\""
                    + Suggestions.didYouMean(alias, all.keySet()) + (all.isEmpty() ? "; nothing was loaded yet" : ""));
        }
        return entry.row();
    }

    /**
     * Empties tables with {@code TRUNCATE ... RESTART IDENTITY}, for databases that are reused between tests instead of
     * cloned from a template. Tables that refer to them must be in the list too (the server says which).
     * Aliases of rows in these tables are forgotten.
     *
     * @param tables the table names, bare or {@code schema.table}
     * @throws SeedException when a table does not exist (with the closest name) or the server refuses
     */
    public synchronized void truncate(String... tables) {
        try (Connection connection = dataSource.getConnection()) {
            Catalog catalog = CatalogReader.read(connection);
            List<String> problems = new ArrayList<>();
            Map<String, TableInfo> found = catalog.findAll(Arrays.asList(tables), problems);
            if (!problems.isEmpty()) {
                throw new SeedException("Cannot truncate: " + String.join("; ", problems) + ". Nothing was truncated.");
            }
            truncateKeys(connection, catalog, found.keySet());
        } catch (SQLException e) {
            throw new SeedException("Cannot truncate " + String.join(", ", tables) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Empties every table this seeder has loaded rows into, and every table that refers to one of them (as
     * {@code TRUNCATE ... CASCADE} would), with {@code TRUNCATE ... RESTART IDENTITY}, and forgets every alias.
     *
     * @throws SeedException when the server refuses (e.g. another table refers to a seeded one)
     */
    public synchronized void truncateSeeded() {
        if (seededTables.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Catalog catalog = CatalogReader.read(connection);
            Set<String> keys = new LinkedHashSet<>();
            for (String key : seededTables) {
                if (catalog.byKey(key) != null) {
                    keys.add(key);
                }
            }
            // TRUNCATE needs every table that refers to a truncated one in the same statement.
            boolean grew = true;
            while (grew) {
                grew = false;
                for (TableInfo table : catalog.tables()) {
                    if (!keys.contains(table.key())
                            && table.foreignKeys().stream().anyMatch(fk -> keys.contains(fk.refTable()))) {
                        grew = keys.add(table.key()) || grew;
                    }
                }
            }
            truncateKeys(connection, catalog, keys);
            seededTables.clear();
            aliases.clear();
        } catch (SQLException e) {
            throw new SeedException("Cannot truncate the seeded tables: " + e.getMessage(), e);
        }
    }

    private void truncateKeys(Connection connection, Catalog catalog, Collection<String> keys) throws SQLException {
        truncateSql(connection, catalog, keys, null);
        forget(keys);
    }

    /**
     * Runs one {@code TRUNCATE ... RESTART IDENTITY} of the tables.
     *
     * @param outcome what the failed load left, when the truncation is part of one; {@code null} when it is not
     */
    private static void truncateSql(Connection connection, Catalog catalog, Collection<String> keys, Outcome outcome)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<String> ordered = new ArrayList<>(keys);
        StringBuilder sql = new StringBuilder("TRUNCATE ");
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(catalog.byKey(ordered.get(i)).sqlName());
        }
        sql.append(" RESTART IDENTITY");
        try (Statement st = connection.createStatement()) {
            st.execute(sql.toString());
        } catch (SQLException e) {
            if (outcome == null) {
                throw new SeedException("Cannot truncate: " + ServerError.of(e).summary()
                        + "\nList every table that refers to these tables in the same call.", e);
            }
            List<String> names = ordered.stream().map(k -> catalog.byKey(k).displayName()).toList();
            throw new SeedException("Cannot load fixtures: cannot truncate " + String.join(", ", names) + ": "
                    + ServerError.of(e).summary() + "\n  Every table that refers to a truncated table must have rows in"
                    + " the fixtures too.\n" + outcome.refused(), e);
        }
    }

    /** Forgets the aliases of rows in tables that were emptied. */
    private void forget(Collection<String> truncated) {
        if (truncated.isEmpty()) {
            return;
        }
        Map<String, AliasRegistry.Entry> kept = without(aliases.snapshot(), truncated);
        aliases.clear();
        aliases.addAll(kept);
        seededTables.removeAll(truncated);
    }

    private static Map<String, AliasRegistry.Entry> without(Map<String, AliasRegistry.Entry> entries,
            Collection<String> tableKeys) {
        if (tableKeys.isEmpty()) {
            return entries;
        }
        Map<String, AliasRegistry.Entry> kept = new LinkedHashMap<>();
        entries.forEach((alias, entry) -> {
            if (!tableKeys.contains(entry.tableKey())) {
                kept.put(alias, entry);
            }
        });
        return kept;
    }

    /**
     * Counts the rows of tables, found by the names fixtures use (bare, or {@code schema.table} — written unquoted, as
     * the catalog spells them: {@code App.my table}), for example to refuse seeding tables that already hold data.
     *
     * <pre>{@code
     * Map<String, Long> counts = seed.rowCounts(fixture.tables().toArray(String[]::new));  // {party=2, booking=0}
     * }</pre>
     *
     * @param tables the table names
     * @return name as given → number of rows, in the order given; a name no table has is left out (a load reports it
     *     with the closest name), never {@code null}
     * @throws SeedException when a query fails
     */
    public Map<String, Long> rowCounts(String... tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Catalog catalog = CatalogReader.read(connection);
            try (Statement st = connection.createStatement()) {
                for (String name : tables) {
                    TableInfo table = catalog.find(name);
                    if (table == null || counts.containsKey(name)) {
                        continue;
                    }
                    try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.sqlName())) {
                        rs.next();
                        counts.put(name, rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new SeedException("Cannot count the rows of " + String.join(", ", tables) + ": "
                    + ServerError.of(e).summary(), e);
        }
        return counts;
    }

    /**
     * Exports tables as a YAML fixture: parents first, rows in key order, foreign keys as {@code $ref} aliases where
     * the referenced row is exported too. Loading the text into an empty database with the same schema and exporting
     * again gives the same text.
     *
     * @param tables the table names, bare or {@code schema.table}
     * @return the YAML text
     * @throws SeedException when a table does not exist or a query fails
     */
    public String export(String... tables) {
        try (Connection connection = dataSource.getConnection()) {
            return Exporter.export(connection, CatalogReader.read(connection), List.of(tables));
        } catch (SQLException e) {
            throw new SeedException("Cannot export " + String.join(", ", tables) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Exports tables as a YAML fixture file; see {@link #export(String...)}.
     *
     * @param file the file to write (replaced if it exists)
     * @param tables the table names
     * @throws SeedException when a table does not exist, a query fails or the file cannot be written
     */
    public void export(Path file, String... tables) {
        String yaml = export(tables);
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SeedException("Cannot write " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "Seeder[copyThreshold=" + copyThreshold + ", " + aliases.snapshot().size() + " aliases]";
    }
}
