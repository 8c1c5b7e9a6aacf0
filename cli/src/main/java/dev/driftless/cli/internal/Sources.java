package dev.driftless.cli.internal;

import dev.driftless.server.Redaction;
import dev.driftless.migration.MigrationChain;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;
import dev.driftless.resource.ResourceException;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.sql.SqlScript;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code Sources} turns a source argument of {@code diff} and {@code snapshot} into a schema snapshot. A source is a
 * snapshot JSON file ({@code schema.json}), an SQL script ({@code init_schema.sql}), a migration folder
 * ({@code migrations}, or {@code migrations@003} for a version) or a Liquibase changelog ({@code master.xml}), migrated
 * by the engine {@link EngineOptions} pick, or a JDBC URL ({@code jdbc:postgresql://...}, read only).
 *
 * <p>An argument is checked once, by {@link #parse(String, String, EngineOptions)}, before any server starts: the file or folder
 * exists, the script parses, the chain reads and the version is one of it. The result then builds the snapshot.
 */
public final class Sources {

    private Sources() {
    }

    /**
     * {@code Source} is one checked source argument.
     */
    public sealed interface Source {

        /** @return the argument's name for messages, e.g. {@code A} */
        String label();

        /** @return the argument as it may be shown: as written, a JDBC URL without its password */
        String shown();

        /**
         * Reads the source's schema, building scripts and migration chains in a scratch database of the workbench.
         *
         * @param filter what to read
         * @param user the {@code --user} option for JDBC URLs, may be {@code null}
         * @param workbench where scripts and chains are built
         * @return the snapshot
         */
        SchemaSnapshot snapshot(SchemaFilter filter, String user, Workbench workbench);
    }

    /** A database of the user's, read only. */
    record JdbcSource(String label, String url) implements Source {

        @Override
        public String shown() {
            return Redaction.url(url);
        }

        @Override
        public SchemaSnapshot snapshot(SchemaFilter filter, String user, Workbench workbench) {
            DataSource dataSource = Jdbc.dataSource(url, user);
            Console.progress("Reading the schema of " + shown() + " ...");
            try (Connection connection = dataSource.getConnection()) {
                return SchemaInspector.create(filter).inspect(connection);
            } catch (SQLException e) {
                throw new BadInputException(label + ": cannot read " + shown() + ": " + e.getMessage());
            }
        }
    }

    /** A snapshot JSON file, from {@code driftless snapshot}. */
    record SnapshotFile(String label, Resource file) implements Source {

        @Override
        public String shown() {
            return file.name();
        }

        @Override
        public SchemaSnapshot snapshot(SchemaFilter filter, String user, Workbench workbench) {
            String json;
            try {
                json = file.text();
            } catch (ResourceException e) {
                throw new BadInputException(label + " " + e.getMessage());
            }
            return SchemaSnapshot.fromJson(json);
        }
    }

    /** An SQL script, run in a scratch database. */
    record ScriptSource(String label, String path, SqlScript script) implements Source {

        @Override
        public String shown() {
            return path;
        }

        @Override
        public SchemaSnapshot snapshot(SchemaFilter filter, String user, Workbench workbench) {
            Database database = workbench.newDatabase();
            Console.progress("Running " + path + " in a scratch database ...");
            Workbench.run(script, database);
            return SchemaInspector.create(filter).inspect(database);
        }
    }

    /**
     * A migration chain, migrated in a scratch database to a version of it by the engine picked for it.
     *
     * @param version the version, or {@code null} for the latest
     */
    record ChainSource(String label, String argument, String path, EngineOptions.Chosen chosen,
            MigrationVersion version) implements Source {

        @Override
        public String shown() {
            return argument;
        }

        @Override
        public SchemaSnapshot snapshot(SchemaFilter filter, String user, Workbench workbench) {
            Database database = workbench.newDatabase();
            MigrationEngine engine = migrate(database);
            return SchemaInspector.create(withoutHistory(filter, engine)).inspect(database);
        }

        /**
         * Migrates a scratch database along the chain, to the version asked for or the latest.
         *
         * @param database the scratch database
         * @return the engine that migrated it
         */
        public MigrationEngine migrate(Database database) {
            MigrationEngine engine = chosen.selected().engine().withDatabaseLabel("the scratch database");
            chosen.announce(path);
            Console.progress("Migrating a scratch database along " + path
                    + (version == null ? "" : " to version " + version) + " ...");
            if (version == null) {
                engine.migrateToLatest(database);
            } else {
                if (chosen.chain().isEmpty()) {
                    List<Migration> migrations = engine.migrations(database);
                    if (migrations.stream().noneMatch(m -> m.version().equals(version))) {
                        throw new BadInputException(label + " " + argument + ": version " + version + " is not in"
                                + " the migrations at " + engine.location() + "; its versions are "
                                + Workbench.versions(migrations) + ".");
                    }
                }
                engine.migrate(database, version);
            }
            return engine;
        }

        /**
         * @param filter the filter asked for
         * @param engine the chain's engine
         * @return the filter without the engine's history tables: the scratch database's bookkeeping, not schema
         */
        public static SchemaFilter withoutHistory(SchemaFilter filter, MigrationEngine engine) {
            // Bare names, as the engine gives them, match in any schema: Flyway keeps its table in its default schema.
            return filter.excluding(engine.historyTables());
        }
    }

    /**
     * Checks a source argument: what it is, that it exists and reads, and for {@code folder@version} that the version
     * is one of the chain. Starts no server.
     *
     * @param label the argument's name for messages, e.g. {@code A}
     * @param argument the argument as given
     * @param engines the options that pick the engine of a migration chain
     * @return the source
     * @throws BadInputException naming the argument and what to write instead
     */
    public static Source parse(String label, String argument, EngineOptions engines) {
        if (argument.startsWith("jdbc:")) {
            return new JdbcSource(label, argument);
        }
        String written = argument;
        String version = null;
        int at = argument.lastIndexOf('@');
        if (at > 0 && !exists(argument)) {
            written = argument.substring(0, at);
            version = argument.substring(at + 1);
        }
        Listing listing;
        try {
            listing = Location.of(written).list("sources");
        } catch (ResourceException e) {
            throw new BadInputException(label + " " + argument + ": " + e.getMessage() + " A source is an SQL script,"
                    + " a migration folder (optionally folder@version), a snapshot .json file or a jdbc:postgresql:"
                    + " URL.");
        }
        Resource file = listing.singleFile() ? listing.resources().get(0) : null;
        if (file == null || isChangelog(file.fileName())) {
            EngineOptions.Chosen chosen = engines.select(label, written, FlywaySettings.defaults());
            MigrationVersion target = null;
            if (version != null) {
                target = chosen.chain().isPresent() ? version(label, argument, version, chosen.chain().get())
                        : parsedVersion(label, argument, version);
            }
            return new ChainSource(label, argument, written, chosen, target);
        }
        if (version != null) {
            throw new BadInputException(label + " " + argument + ": " + written
                    + " is not a migration folder (folder@version names a version of the chain in a folder)");
        }
        if (file.fileName().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return new SnapshotFile(label, file);
        }
        return new ScriptSource(label, file.name(), Workbench.script(label, written));
    }

    private static boolean exists(String location) {
        try {
            Location.of(location).file("source");
            return true;
        } catch (ResourceException e) {
            return false;
        }
    }

    /** A Liquibase changelog file (its XML, YAML or JSON formats); a {@code .json} file stays a snapshot. */
    private static boolean isChangelog(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The version of {@code folder@version} for an engine that resolves its migrations only on a server. */
    private static MigrationVersion parsedVersion(String label, String argument, String text) {
        if (!MigrationVersion.isVersion(text)) {
            throw new BadInputException(label + " " + argument + ": \"" + text + "\" is not a migration version"
                    + " (numbers separated by . or _, e.g. 003 or 1.2).");
        }
        return MigrationVersion.parse(text);
    }

    private static MigrationVersion version(String label, String argument, String text, MigrationChain chain) {
        if (!MigrationVersion.isVersion(text)) {
            throw new BadInputException(label + " " + argument + ": \"" + text + "\" is not a migration version"
                    + " (numbers separated by . or _, e.g. 003 or 1.2). folder@version names a version of the chain in"
                    + " the folder; the versions of " + chain.location() + " are " + Workbench.versions(chain) + ".");
        }
        MigrationVersion version = MigrationVersion.parse(text);
        if (chain.migration(version).isEmpty()) {
            throw new BadInputException(label + " " + argument + ": version " + text + " is not in the migration chain"
                    + " at " + chain.location() + "; its versions are " + Workbench.versions(chain) + ".");
        }
        return version;
    }
}
