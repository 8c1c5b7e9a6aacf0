package dev.driftless.schema;

import dev.driftless.DriftlessException;
import dev.driftless.server.Database;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.ServerError;
import dev.driftless.sql.SqlScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code SchemaSource} is a schema {@link MigrationGenerator} can build in a new, empty database: a master schema
 * script, a migration chain at a version, or anything else that creates objects.
 *
 * <pre>{@code
 * SchemaSource a = SchemaSource.of(SqlScript.at("sql/schema_v1.sql"));
 * SchemaSource b = SchemaSource.of("the chain at 5", db -> Migrator.of(chain, db).migrateTo("005"));
 * }</pre>
 */
public interface SchemaSource {

    /** @return what the source is, for messages, e.g. the script's name; never {@code null} */
    String name();

    /**
     * Builds the schema in a database.
     *
     * @param database a new, empty database, never {@code null}
     * @throws DriftlessException when the schema cannot be built (e.g. a statement of the script fails)
     */
    void build(Database database);

    /**
     * Returns a source that runs an SQL script with {@link ScriptRunner}.
     *
     * @param script the script, never {@code null}
     * @return the source, named by the script
     */
    static SchemaSource of(SqlScript script) {
        Objects.requireNonNull(script, "script");
        return of(script.name(), database -> {
            try (Connection connection = database.connect()) {
                ScriptRunner.create().run(script, connection);
            } catch (SQLException e) {
                throw new DriftlessException("Cannot connect to " + database.name() + ": "
                        + ServerError.of(e).summary(), e);
            }
        });
    }

    /**
     * Returns a source that builds the schema with code.
     *
     * @param name what the source is, for messages, never {@code null}
     * @param builder what builds the schema in the database it is given, never {@code null}
     * @return the source
     */
    static SchemaSource of(String name, Consumer<Database> builder) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(builder, "builder");
        return new SchemaSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void build(Database database) {
                builder.accept(database);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
