package dev.driftless.assertions;

import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** {@code Schemas} builds snapshots of small schemas on the shared embedded server, once per script. */
final class Schemas {

    private static final Map<String, SchemaSnapshot> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    static PostgresServer server() {
        return TestServers.embedded();
    }

    /** @return the snapshot of schema/rich.sql */
    static SchemaSnapshot rich() {
        return CACHE.computeIfAbsent("rich", k -> of(SqlScript.at("classpath:schema/rich.sql")));
    }

    static SchemaSnapshot of(String sql) {
        return CACHE.computeIfAbsent(sql, k -> of(SqlScript.of("inline.sql", sql)));
    }

    private static SchemaSnapshot of(SqlScript script) {
        PostgresServer server = server();
        Database db = server.createDatabase();
        try (Connection c = db.connect()) {
            ScriptRunner.create().run(script, c);
            return SchemaInspector.create().inspect(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            server.drop(db);
        }
    }
}
