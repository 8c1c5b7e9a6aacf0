package dev.driftless.cli.internal;

import dev.driftless.migration.MigrationChain;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.sql.SqlScript;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code Sources} turns a source argument of {@code diff} and {@code snapshot} into a schema snapshot. A source is a
 * snapshot JSON file ({@code schema.json}), an SQL script ({@code init_schema.sql}), a migration folder
 * ({@code migrations}, or {@code migrations@003} for a version), or a JDBC URL ({@code jdbc:postgresql://...},
 * read only).
 */
public final class Sources {

    private Sources() {
    }

    /**
     * Reads a source's schema, building scripts and migration chains in a scratch database of the workbench.
     *
     * @param label the argument's name for messages, e.g. {@code A}
     * @param source the source argument
     * @param filter what to read
     * @param user the {@code --user} option for JDBC URLs, may be {@code null}
     * @param workbench where scripts and chains are built
     * @return the snapshot
     */
    public static SchemaSnapshot snapshot(String label, String source, SchemaFilter filter, String user,
            Workbench workbench) {
        if (source.startsWith("jdbc:")) {
            DataSource dataSource = Jdbc.dataSource(source, user);
            Console.progress("Reading the schema of " + Jdbc.withoutSecrets(source) + " ...");
            try (Connection connection = dataSource.getConnection()) {
                return SchemaInspector.create(filter).inspect(connection);
            } catch (SQLException e) {
                throw new BadInputException(label + ": cannot read " + Jdbc.withoutSecrets(source) + ": " + e.getMessage());
            }
        }
        Path path = Path.of(source);
        String version = null;
        if (!Files.exists(path) && source.lastIndexOf('@') > 0) {
            int at = source.lastIndexOf('@');
            path = Path.of(source.substring(0, at));
            version = source.substring(at + 1);
            if (!Files.isDirectory(path)) {
                throw new BadInputException(label + " " + source + ": " + path
                        + " is not a migration folder (folder@version names a version of the chain in a folder)");
            }
        }
        if (!Files.exists(path)) {
            throw new BadInputException(label + " " + source + ": no such file or folder (working directory "
                    + Path.of("").toAbsolutePath() + "). A source is an SQL script, a migration folder (optionally "
                    + "folder@version), a snapshot .json file or a jdbc:postgresql: URL.");
        }
        if (Files.isDirectory(path)) {
            MigrationChain chain = Workbench.chain(label, path);
            Database database = workbench.newDatabase();
            Console.progress("Migrating a scratch database along " + path
                    + (version == null ? "" : " to version " + version) + " ...");
            Workbench.migrate(chain, version, database);
            return SchemaInspector.create(filter).inspect(database);
        }
        if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return SchemaSnapshot.readFrom(path);
        }
        SqlScript script = Workbench.script(label, path);
        Database database = workbench.newDatabase();
        Console.progress("Running " + path + " in a scratch database ...");
        Workbench.run(script, database);
        return SchemaInspector.create(filter).inspect(database);
    }
}
