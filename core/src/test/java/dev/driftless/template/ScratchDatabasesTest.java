package dev.driftless.template;

import dev.driftless.schema.SchemaInspector;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ScratchDatabases}: empty copies made ahead of demand, dropped when done. */
class ScratchDatabasesTest {

    private final PostgresServer server = TestServers.embedded();

    @Test
    void handsOutEmptyIndependentCopiesMadeAheadOfDemandAndDropsThemWhenClosed() throws SQLException {
        Database first;
        Database second;
        Database third;
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            first = scratch.create();
            try (Connection c = first.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE left_behind (id int)");
            }
            second = scratch.create();
            third = scratch.create();

            assertThat(SchemaInspector.create().inspect(second).tables()).isEmpty();
            assertThat(server.driftlessDatabases()).contains(first.name(), second.name(), third.name());
            assertThat(Templates.of(server).isPrefetched(first.name())).isFalse();
            assertThat(server.driftlessDatabases()).anyMatch(Templates.of(server)::isPrefetched);

            scratch.drop(third);
            assertThat(server.driftlessDatabases()).doesNotContain(third.name()).contains(first.name());
        }
        // driftlessDatabases() waits for the drops made in the background.
        assertThat(server.driftlessDatabases()).doesNotContain(first.name(), second.name());
    }
}
