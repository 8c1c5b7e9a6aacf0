package dev.driftless.cli.internal;

import dev.driftless.internal.server.Secrets;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.sql.SqlScript;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * {@code Sources} turns a source argument of {@code diff} and {@code snapshot} into a schema snapshot. A source is a
 * snapshot JSON file ({@code schema.json}), an SQL script ({@code init_schema.sql}), a migration folder
 * ({@code migrations}, or {@code migrations@003} for a version), or a JDBC URL ({@code jdbc:postgresql://...},
 * read only).
 *
 * <p>An argument is checked once, by {@link #parse(String, String)}, before any server starts: the file or folder
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
            return Secrets.redactUrl(url);
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
    record SnapshotFile(String label, Path path) implements Source {

        @Override
        public String shown() {
            return path.toString();
        }

        @Override
        public SchemaSnapshot snapshot(SchemaFilter filter, String user, Workbench workbench) {
            try {
                return SchemaSnapshot.readFrom(path);
            } catch (UncheckedIOException e) {
                throw new BadInputException(label + " " + path + ": cannot read it: " + ReportWriter.reason(e.getCause())
                        + ". Check that it is a readable snapshot file written by driftless snapshot.");
            }
        }
    }

    /** An SQL script, run in a scratch database. */
    record ScriptSource(String label, Path path, SqlScript script) implements Source {

        @Override
        public String shown() {
            return path.toString();
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
     * A migration chain, migrated in a scratch database to a version of it.
     *
     * @param version the version, or {@code null} for the latest
     */
    record ChainSource(String label, String argument, Path path, MigrationChain chain, MigrationVersion version)
            implements Source {

        @Override
        public String shown() {
            return argument;
        }

        @Override
        public SchemaSnapshot snapshot(SchemaFilter filter, String user, Workbench workbench) {
            Database database = workbench.newDatabase();
            Console.progress("Migrating a scratch database along " + path
                    + (version == null ? "" : " to version " + version) + " ...");
            Workbench.migrate(chain, version == null ? null : version.toString(), database);
            return SchemaInspector.create(filter).inspect(database);
        }
    }

    /**
     * Checks a source argument: what it is, that it exists and reads, and for {@code folder@version} that the version
     * is one of the chain. Starts no server.
     *
     * @param label the argument's name for messages, e.g. {@code A}
     * @param argument the argument as given
     * @return the source
     * @throws BadInputException naming the argument and what to write instead
     */
    public static Source parse(String label, String argument) {
        if (argument.startsWith("jdbc:")) {
            return new JdbcSource(label, argument);
        }
        Path path = Path.of(argument);
        String version = null;
        if (!Files.exists(path) && argument.lastIndexOf('@') > 0) {
            int at = argument.lastIndexOf('@');
            path = Path.of(argument.substring(0, at));
            version = argument.substring(at + 1);
            if (!Files.isDirectory(path)) {
                throw new BadInputException(label + " " + argument + ": " + path
                        + " is not a migration folder (folder@version names a version of the chain in a folder)");
            }
        }
        if (!Files.exists(path)) {
            throw new BadInputException(label + " " + argument + ": no such file or folder (working directory "
                    + Path.of("").toAbsolutePath() + "). A source is an SQL script, a migration folder (optionally "
                    + "folder@version), a snapshot .json file or a jdbc:postgresql: URL.");
        }
        if (Files.isDirectory(path)) {
            MigrationChain chain = Workbench.chain(label, path);
            return new ChainSource(label, argument, path, chain, version == null ? null : version(label, argument,
                    version, chain));
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return new SnapshotFile(label, path);
        }
        return new ScriptSource(label, path, Workbench.script(label, path));
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
