package dev.driftless.server;

import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void embedded() throws Exception {
        PostgresServer server = TestServers.embedded();
        Database db = server.createDatabase();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
        }
        server.drop(db);
        System.out.println(server);
    }
}
