package dev.driftless.internal.migration.flyway;

import dev.driftless.DriftlessException;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationResult;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.RepeatableMigration;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;
import dev.driftless.resource.ResourceException;
import dev.driftless.server.Database;
import dev.driftless.sql.Quote;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.ServerError;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.TemplateKey;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.baseline.BaselineMigrationConfigurationExtension;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.parser.PlaceholderReplacingReader;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FlywayEngine} is the real Flyway as a {@link MigrationEngine}: each run is a new {@code Flyway} configured
 * from the merged user configuration ({@link FlywaySources}) and pointed at the database Driftless gives it, so
 * placeholders, callbacks, Java migrations, repeatable migrations and baselines behave exactly as Flyway makes them.
 * Flyway's own undo runs only in its paid editions; this engine reverts a migration with its {@code U} script, run by
 * Driftless with Flyway's placeholders replaced, and then deletes the migration's row from Flyway's history table so
 * that Flyway applies it again. Loaded only when Flyway is on the class path. Immutable; the migrations Flyway resolves
 * are read once.
 */
public final class FlywayEngine implements MigrationEngine {

    /** A prefix no file has: set as {@code baselineMigrationPrefix}, Flyway sees no baseline. */
    private static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";
    private static final String NO_BASELINES = "__driftless_without_baselines__";

    private final Map<String, String> config;
    private final ClassLoader loader;
    private final Path workingDirectory;
    private final String label;
    private final boolean withoutBaselines;
    private final AtomicReference<Resolved> resolved;

    /** What Flyway resolved at the locations. */
    private record Resolved(List<Migration> migrations, List<Migration> baselines,
                            List<RepeatableMigration> repeatables) {
    }

    private FlywayEngine(Map<String, String> config, ClassLoader loader, Path workingDirectory, String label,
            boolean withoutBaselines, AtomicReference<Resolved> resolved) {
        this.config = config;
        this.loader = loader;
        this.workingDirectory = workingDirectory;
        this.label = label;
        this.withoutBaselines = withoutBaselines;
        this.resolved = resolved;
    }

    /**
     * @param config Flyway key → value, merged from the user's sources
     * @param loader the class loader Flyway scans and loads Java migrations with
     * @param workingDirectory where {@code filesystem:} locations that are relative are found
     * @return the engine
     */
    public static FlywayEngine create(Map<String, String> config, ClassLoader loader, Path workingDirectory) {
        return new FlywayEngine(Map.copyOf(config), loader, workingDirectory, null, false, new AtomicReference<>());
    }

    /** @return the version of the Flyway on the class path, e.g. {@code 13.12.1} */
    public static String flywayVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("org/flywaydb/core/internal/version.txt")) {
            return in == null ? "(unknown version)" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    @Override
    public String name() {
        return "Flyway " + flywayVersion(loader);
    }

    @Override
    public String location() {
        return String.join(", ", locations());
    }

    /** @return the locations as Flyway reads them, e.g. {@code classpath:db/migration} */
    private List<String> locations() {
        String written = config.getOrDefault("flyway.locations", "classpath:db/migration");
        return Arrays.stream(written.split(",")).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.contains(":") ? l : "classpath:" + l).toList();
    }

    private FluentConfiguration configure(Database database) {
        Map<String, String> settings = new LinkedHashMap<>(config);
        // Flyway 13 refuses a plugin's setting in configuration(Map) unless the map goes through Jackson; set it on
        // the plugin's own configuration instead.
        String baselinePrefix = withoutBaselines ? NO_BASELINES : settings.remove("flyway.baselineMigrationPrefix");
        settings.remove("flyway.baselineMigrationPrefix");
        String transactionalLock = settings.remove(TRANSACTIONAL_LOCK);
        FluentConfiguration configuration = Flyway.configure(loader).configuration(settings)
                .dataSource(database.dataSource());
        if (transactionalLock != null) {
            configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                    .setTransactionalLock(Boolean.parseBoolean(transactionalLock.strip()));
        }
        if (baselinePrefix != null) {
            configuration.getConfigurationExtension(BaselineMigrationConfigurationExtension.class)
                    .setBaselineMigrationPrefix(baselinePrefix);
        }
        return configuration;
    }

    private Resolved resolve(Database database) {
        Resolved known = resolved.get();
        if (known != null) {
            return known;
        }
        Map<String, Optional<Listing>> listings = new LinkedHashMap<>();
        for (String location : locations()) {
            listings.put(location, listing(location));
        }
        Map<MigrationVersion, Resource> undo = undoScripts(listings);
        List<Migration> migrations = new ArrayList<>();
        List<Migration> baselines = new ArrayList<>();
        List<RepeatableMigration> repeatables = new ArrayList<>();
        for (MigrationInfo info : flyway(database, null).info().all()) {
            if (info.getType() == null || info.getType().isSynthetic() || info.getType().isUndo()) {
                continue;
            }
            SqlScript up = script(info, listings);
            if (info.getVersion() == null) {
                repeatables.add(RepeatableMigration.of(info.getDescription(), up));
                continue;
            }
            MigrationVersion version = MigrationVersion.parse(info.getVersion().getVersion());
            if (info.getType().isBaseline()) {
                baselines.add(Migration.of(version, info.getDescription(), up, null));
            } else {
                Resource down = undo.get(version);
                migrations.add(Migration.of(version, info.getDescription(), up,
                        down == null ? null : SqlScript.of(down.name(), down.text())));
            }
        }
        resolved.compareAndSet(null, new Resolved(List.copyOf(migrations), List.copyOf(baselines),
                List.copyOf(repeatables)));
        return resolved.get();
    }

    /** The script of a migration as Flyway found it; a Java migration's "script" is its class, shown by name. */
    private static SqlScript script(MigrationInfo info, Map<String, Optional<Listing>> listings) {
        String name = info.getScript();
        if (!name.endsWith(".sql")) {
            return SqlScript.of(name, "-- Java migration " + name + ", run by Flyway\n");
        }
        for (Optional<Listing> listing : listings.values()) {
            Optional<Resource> found = listing.flatMap(l -> l.find(name));
            if (found.isPresent()) {
                return SqlScript.of(found.get().name(), found.get().text());
            }
        }
        return SqlScript.of(name, "-- " + name + ", read by Flyway\n");
    }

    /** The {@code U} scripts of every location, by version: {@code U3__x.sql} undoes version 3. */
    private Map<MigrationVersion, Resource> undoScripts(Map<String, Optional<Listing>> listings) {
        String separator = Pattern.quote(config.getOrDefault("flyway.sqlMigrationSeparator", "__"));
        Pattern undo = Pattern.compile(Pattern.quote(config.getOrDefault("flyway.undoSqlMigrationPrefix", "U"))
                + "(\\d+(?:[._]\\d+)*)" + separator + ".*\\.sql");
        Map<MigrationVersion, Resource> found = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Optional<Listing> listing : listings.values()) {
            for (Resource resource : listing.map(Listing::resources).orElse(List.of())) {
                Matcher m = undo.matcher(resource.fileName());
                if (m.matches()) {
                    MigrationVersion version = MigrationVersion.parse(m.group(1).replace('_', '.'));
                    Resource earlier = found.putIfAbsent(version, resource);
                    if (earlier != null) {
                        twice.add("two undo scripts have version " + version + ": " + earlier.name() + ", "
                                + resource.name());
                    }
                }
            }
        }
        if (!twice.isEmpty()) {
            throw new MigrationException("The Flyway chain at " + location() + " is invalid:\n  - "
                    + String.join("\n  - ", twice));
        }
        return found;
    }

    private Optional<Listing> listing(String location) {
        Location at = location.startsWith("classpath:") ? Location.of(location).withClassLoader(loader)
                : Location.of(location).withSearchRoot(workingDirectory);
        try {
            return Optional.of(at.list("Flyway migrations"));
        } catch (ResourceException e) {
            return Optional.empty(); // Flyway itself only warns about a missing location
        }
    }

    private Flyway flyway(Database database, MigrationVersion target) {
        FluentConfiguration configuration = configure(database);
        if (target != null) {
            configuration.target(target.toString());
        }
        try {
            return configuration.load();
        } catch (FlywayException e) {
            throw new MigrationException(name() + " refused the configuration of " + location() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<Migration> migrations(Database database) {
        return resolve(database).migrations();
    }

    @Override
    public List<Migration> baselines(Database database) {
        return withoutBaselines ? List.of() : resolve(database).baselines();
    }

    @Override
    public Comparator<MigrationVersion> versionOrder() {
        return Comparator.naturalOrder();
    }

    @Override
    public MigrationResult migrate(Database database, MigrationVersion target) {
        return run(database, Objects.requireNonNull(target, "target"));
    }

    @Override
    public MigrationResult migrateToLatest(Database database) {
        return run(database, null);
    }

    private MigrationResult run(Database database, MigrationVersion target) {
        Resolved known = resolve(database);
        refuseWaitingForOwnLock(known, target);
        MigrateResult result;
        try {
            result = flyway(database, target).migrate();
        } catch (FlywayException e) {
            throw new MigrationException(name() + " could not migrate " + databaseName(database) + " to "
                    + (target == null ? "the latest version" : "version " + target) + ":\n" + e.getMessage(), e);
        }
        List<Migration> applied = new ArrayList<>();
        List<RepeatableMigration> repeatables = new ArrayList<>();
        for (MigrateOutput output : result.migrations) {
            if (output.version == null || output.version.isEmpty()) {
                known.repeatables().stream().filter(r -> r.description().equals(output.description)).findFirst()
                        .ifPresent(repeatables::add);
            } else {
                MigrationVersion version = MigrationVersion.parse(output.version);
                boolean baseline = output.type != null && output.type.contains("BASELINE");
                (baseline ? known.baselines() : known.migrations()).stream()
                        .filter(m -> m.version().equals(version)).findFirst().ifPresent(applied::add);
            }
        }
        MigrationVersion from = version(result.initialSchemaVersion);
        MigrationVersion reached = result.targetSchemaVersion == null ? from : version(result.targetSchemaVersion);
        return new MigrationResult(from, reached, applied, List.of(), repeatables);
    }

    /**
     * Refuses, before anything runs, a {@code ... CONCURRENTLY} statement while Flyway holds its lock in an open
     * transaction ({@code postgresql.transactional.lock}, on by default): the statement waits for every open
     * transaction to end, Flyway's own among them, so the run would never finish — in production as in the test.
     */
    private void refuseWaitingForOwnLock(Resolved known, MigrationVersion target) {
        if ("false".equalsIgnoreCase(config.getOrDefault(TRANSACTIONAL_LOCK, "true").strip())) {
            return;
        }
        List<SqlScript> scripts = new ArrayList<>();
        known.migrations().stream().filter(m -> target == null || versionOrder().compare(m.version(), target) <= 0)
                .forEach(m -> scripts.add(m.up()));
        known.repeatables().forEach(r -> scripts.add(r.script()));
        for (SqlScript script : scripts) {
            Optional<String> reason;
            try {
                reason = script.parse().noTransactionReason();
            } catch (RuntimeException e) {
                continue;
            }
            if (reason.isPresent() && reason.get().toUpperCase(java.util.Locale.ROOT).contains("CONCURRENTLY")) {
                throw new MigrationException(name() + " would wait forever: " + reason.get() + ", so Flyway runs it"
                        + " outside one, where it waits for every open transaction to end, and Flyway keeps its lock"
                        + " in one (postgresql.transactional.lock, on by default), so the run never finishes, in production"
                        + " too. Set postgresql.transactional.lock=false: flyway.postgresql.transactional.lock = false"
                        + " in flyway.conf, FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false, or"
                        + " with(\"postgresql.transactional.lock\", \"false\") in code");
            }
        }
    }

    private static MigrationVersion version(String flywayVersion) {
        return flywayVersion == null || flywayVersion.isEmpty() ? MigrationVersion.EMPTY
                : MigrationVersion.parse(flywayVersion);
    }

    @Override
    public List<MigrationVersion> appliedVersions(Database database) {
        List<MigrationVersion> versions = new ArrayList<>();
        try {
            for (MigrationInfo info : applied(database)) {
                versions.add(MigrationVersion.parse(info.getVersion().getVersion()));
            }
        } catch (FlywayException e) {
            throw new MigrationException(name() + " could not read the history of " + databaseName(database) + ": "
                    + e.getMessage(), e);
        }
        return versions.stream().distinct().toList();
    }

    @Override
    public void revert(Database database, Migration migration) {
        Optional<SqlScript> down = migration.down();
        if (down.isEmpty()) {
            throw new MigrationException("Engine " + name() + " cannot revert " + migration + ": Flyway's own undo runs"
                    + " only in Flyway's paid editions, and Driftless reverts a Flyway migration with its U script,"
                    + " of which there is none; add U" + migration.version() + "__<description>.sql beside it in "
                    + location());
        }
        checkNewest(database, migration, "revert", "reverts");
        Configuration configuration = configure(database);
        try (Connection connection = database.connect()) {
            String historySchema = historySchema(configuration, connection);
            SqlScript undo = replacePlaceholders(down.get(), configuration, connection, historySchema);
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT set_config('search_path', " + Quote.literal(Quote.identifier(historySchema))
                        + " || ', ' || current_setting('search_path'), false)");
            }
            try {
                ScriptRunner.create().run(undo, connection);
            } catch (DriftlessException e) {
                throw new MigrationException("The undo script " + undo.name() + " of " + migration + " failed; "
                        + databaseName(database) + " stays at version " + migration.version() + ":\n"
                        + e.getMessage(), e);
            }
            connection.setAutoCommit(true);
            deleteHistoryRow(database, migration, configuration, connection, historySchema);
        } catch (SQLException e) {
            throw new MigrationException("Cannot revert " + migration + " in " + databaseName(database) + ": "
                    + ServerError.of(e).summary(), e);
        }
    }

    @Override
    public void forget(Database database, Migration migration) {
        checkNewest(database, migration, "forget", "can be forgotten");
        Configuration configuration = configure(database);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(true);
            deleteHistoryRow(database, migration, configuration, connection, historySchema(configuration, connection));
        } catch (SQLException e) {
            throw new MigrationException("Cannot forget " + migration + " in " + databaseName(database) + ": "
                    + ServerError.of(e).summary(), e);
        }
    }

    /** Refuses, before anything changes, a migration that is not the newest applied one. */
    private void checkNewest(Database database, Migration migration, String verb, String only) {
        List<MigrationVersion> applied = appliedVersions(database);
        if (applied.isEmpty() || !applied.get(applied.size() - 1).equals(migration.version())) {
            throw new MigrationException("Cannot " + verb + " " + migration + ": " + databaseName(database) + " is at "
                    + (applied.isEmpty() ? "no version" : "version " + applied.get(applied.size() - 1))
                    + ", and only the newest migration " + only);
        }
    }

    /** Deletes a migration's row from Flyway's history table, so that Flyway applies it again. */
    private void deleteHistoryRow(Database database, Migration migration, Configuration configuration,
            Connection connection, String historySchema) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM "
                + Quote.qualified(historySchema, configuration.getTable()) + " WHERE version = ?")) {
            delete.setString(1, flywayVersionOf(migration, database));
            delete.executeUpdate();
        }
    }

    /** The versioned migrations and baselines recorded as applied in Flyway's history, in the order they ran. */
    private List<MigrationInfo> applied(Database database) {
        return Arrays.stream(flyway(database, null).info().all())
                .filter(info -> info.getInstalledRank() != null && info.getVersion() != null
                        && info.getState().isApplied() && !info.getState().isFailed()
                        && info.getState() != MigrationState.UNDONE && info.getType() != null
                        && !info.getType().isSynthetic())
                .sorted(Comparator.comparing(MigrationInfo::getInstalledRank)).toList();
    }

    /** The version as Flyway wrote it in its history table, e.g. {@code 1.12.15}. */
    private String flywayVersionOf(Migration migration, Database database) {
        for (MigrationInfo info : applied(database)) {
            if (info.getVersion() != null
                    && MigrationVersion.parse(info.getVersion().getVersion()).equals(migration.version())) {
                return info.getVersion().getVersion();
            }
        }
        return migration.version().toString();
    }

    /** The schema of Flyway's history table: {@code defaultSchema}, else the first of {@code schemas}, else current. */
    private static String historySchema(Configuration configuration, Connection connection) throws SQLException {
        if (configuration.getDefaultSchema() != null) {
            return configuration.getDefaultSchema();
        }
        if (configuration.getSchemas().length > 0) {
            return configuration.getSchemas()[0];
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Replaces placeholders as Flyway does, with its built-in ones ({@code ${flyway:defaultSchema}}, ...). */
    private SqlScript replacePlaceholders(SqlScript script, Configuration configuration, Connection connection,
            String defaultSchema) throws SQLException {
        if (!configuration.isPlaceholderReplacement()) {
            return script;
        }
        Map<String, String> values = new HashMap<>(configuration.getPlaceholders());
        String separator = configuration.getPlaceholderSeparator();
        String user;
        String databaseName;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_user, current_database()")) {
            rs.next();
            user = rs.getString(1);
            databaseName = rs.getString(2);
        }
        values.put("flyway" + separator + "defaultSchema", defaultSchema);
        values.put("flyway" + separator + "user", user);
        values.put("flyway" + separator + "database", databaseName);
        values.put("flyway" + separator + "timestamp", new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()));
        values.put("flyway" + separator + "filename", script.name().substring(script.name().lastIndexOf('/') + 1));
        values.put("flyway" + separator + "workingDirectory", workingDirectory.toAbsolutePath().toString());
        values.put("flyway" + separator + "table", configuration.getTable());
        values.put("flyway" + separator + "environment", "default");
        StringBuilder out = new StringBuilder();
        try (PlaceholderReplacingReader reader = new PlaceholderReplacingReader(configuration.getPlaceholderPrefix(),
                configuration.getPlaceholderSuffix(), separator, values, new StringReader(script.content()))) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer, 0, buffer.length)) > 0; ) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + script.name() + ": " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new MigrationException(script.name() + ": " + e.getMessage(), e);
        }
        return SqlScript.of(script.name(), out.toString());
    }

    @Override
    public List<String> historyTables() {
        return List.of(config.getOrDefault("flyway.table", "flyway_schema_history"));
    }

    @Override
    public TemplateKey contentKey() {
        TemplateKey.Builder key = TemplateKey.builder().add("engine", name());
        config.forEach((k, v) -> key.add("config " + k, v));
        key.add("without baselines", Boolean.toString(withoutBaselines));
        for (String location : locations()) {
            Optional<Listing> listing = listing(location);
            key.add("location " + location, listing.isPresent() ? "found" : "missing");
            for (Resource resource : listing.map(Listing::resources).orElse(List.of())) {
                key.add("resource " + location + " " + resource.relativePath(), resource.bytes());
            }
        }
        for (String setting : List.of("flyway.callbacks", "flyway.resolvers")) {
            for (String name : config.getOrDefault(setting, "").split(",")) {
                if (!name.isBlank() && !name.contains(":") && !name.contains("/")) {
                    key.add("class " + name.strip(), classBytes(name.strip()));
                }
            }
        }
        return key.build();
    }

    private byte[] classBytes(String className) {
        URL url = loader.getResource(className.replace('.', '/') + ".class");
        if (url == null) {
            return new byte[0];
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MigrationException("Cannot read the class " + className + " for a template key: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public MigrationEngine withDatabaseLabel(String label) {
        if (Objects.requireNonNull(label, "label").isBlank()) {
            throw new IllegalArgumentException("A database label must not be blank");
        }
        return new FlywayEngine(config, loader, workingDirectory, label, withoutBaselines, resolved);
    }

    @Override
    public MigrationEngine withoutBaselines() {
        return new FlywayEngine(config, loader, workingDirectory, label, true, new AtomicReference<>());
    }

    private String databaseName(Database database) {
        return label != null ? label : "database " + database.name();
    }

    @Override
    public String toString() {
        return "FlywayEngine[" + location() + "]";
    }
}
