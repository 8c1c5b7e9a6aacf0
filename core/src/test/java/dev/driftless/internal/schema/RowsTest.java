package dev.driftless.internal.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The array parser, checked against what the server prints for awkward values. */
class RowsTest {

    @Test
    void parsesArraysAsPostgresqlPrintsThem() throws Exception {
        PostgresServer server = TestServers.embedded();
        Database db = server.createDatabase();
        try (Connection c = db.connect()) {
            List<List<String>> read = new ArrayList<>();
            Rows.query(c, "SELECT ARRAY['a', 'b c', NULL, '', 'x,y', 'q\"uote', 'back\\slash', '{}', 'NULL']::text[] AS v"
                    + " UNION ALL SELECT '{}'::text[] UNION ALL SELECT NULL::text[]"
                    + " UNION ALL SELECT ARRAY['fillfactor=70']", null, row -> read.add(row.strings("v")));
            assertThat(read).containsExactly(
                    Arrays.asList("a", "b c", null, "", "x,y", "q\"uote", "back\\slash", "{}", "NULL"),
                    List.of(), List.of(), List.of("fillfactor=70"));
        } finally {
            server.drop(db);
        }
    }
}
