package dev.driftless.server;

import dev.driftless.DriftlessException;
import dev.driftless.testing.TestServers;
import dev.driftless.template.Templates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedServerTest {

    private final PostgresServer server = TestServers.embedded();

    @Test
    void createsAConnectableMarkedDatabaseAndDropsIt() throws SQLException {
        Database db = server.createDatabase();

        assertThat(db.name()).startsWith("driftless_");
        assertThat(queryString(db, "SELECT current_database()")).isEqualTo(db.name());
        assertThat(server.driftlessDatabases()).contains(db.name());

        server.drop(db);

        assertThat(server.driftlessDatabases()).doesNotContain(db.name());
    }

    @Test
    void dropsInTheBackgroundAndListsOnlyWhatRemains() {
        Database first = server.createDatabase();
        Database second = server.createDatabase();

        server.dropInBackground(first);
        server.dropInBackground(second);

        assertThat(server.driftlessDatabases()).doesNotContain(first.name(), second.name());
    }

    @Test
    void dropsADatabaseThatStillHasOpenConnections() throws SQLException {
        Database db = server.createDatabase();
        Connection open = db.connect();
        try {
            server.drop(db);

            assertThat(server.driftlessDatabases()).doesNotContain(db.name());
            assertThat(open.isValid(2)).as("the drop ended the open session").isFalse();
        } finally {
            open.close();
        }
    }

    @Test
    void runsTheDefaultMajorVersionWithTestSpeedSettings() throws SQLException {
        Database db = server.createDatabase();
        try {
            assertThat(server.majorVersion()).isEqualTo(17);
            assertThat(server.provider()).isEqualTo(ProviderKind.EMBEDDED);
            assertThat(queryString(db, "SHOW fsync")).isEqualTo("off");
            assertThat(queryString(db, "SHOW synchronous_commit")).isEqualTo("off");
            assertThat(queryString(db, "SHOW listen_addresses")).isEqualTo("localhost");
        } finally {
            server.drop(db);
        }
    }

    @Test
    void requiresThePasswordAndNeverShowsIt() {
        Database db = server.createDatabase();
        try {
            assertThatThrownBy(() -> db.dataSource().getConnection(db.user(), "wrong-password").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(db.password()).hasSize(32);
            assertThat(db.toString()).doesNotContain(db.password());
            assertThat(db.dataSource().toString()).doesNotContain(db.password()).contains(db.name());
            assertThat(server.toString()).doesNotContain(db.password()).contains("embedded PostgreSQL 17");
        } finally {
            server.drop(db);
        }
    }

    @Test
    void refusesToDropADatabaseItDidNotCreate() throws SQLException {
        Database admin = server.createDatabase();
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE users_own_data");
            s.execute("CREATE DATABASE driftless_lookalike");
        }
        try {
            assertThatThrownBy(() -> server.drop("users_own_data"))
                    .isInstanceOf(DriftlessException.class)
                    .hasMessage("Refusing to drop database 'users_own_data': Driftless did not create it (its name"
                            + " lacks the 'driftless_' prefix). Driftless only ever changes databases it created"
                            + " itself.");
            assertThatThrownBy(() -> server.drop("driftless_lookalike"))
                    .hasMessage("Refusing to drop database 'driftless_lookalike': Driftless cannot prove that it"
                            + " created it (its ownership marker is missing, or not signed with this machine's key)."
                            + " Driftless only ever changes databases it created itself. If another machine's"
                            + " Driftless made it, set driftless.owner.key to that machine's key; otherwise drop it"
                            + " yourself.");
            assertThatThrownBy(() -> server.cloneDatabase("users_own_data"))
                    .hasMessageContaining("Refusing to copy database 'users_own_data'");
            assertThat(databaseExists(admin, "users_own_data")).isTrue();
        } finally {
            try (Connection c = admin.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE users_own_data");
                s.execute("DROP DATABASE driftless_lookalike");
            }
            server.drop(admin);
        }
    }

    @Test
    void rejectsAnUnknownMajorVersionNamingTheSupportedOnes() {
        assertThatThrownBy(() -> PostgresServer.start(ServerConfig.embedded(9)))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("PostgreSQL 9 is not available for the embedded provider. Supported major versions: 14, 15,"
                        + " 16, 17, 18. Set driftless.postgres.version (or @MigratedDatabase(postgres = ...)) to one of"
                        + " them, or use the docker provider with an image of that version.");
    }

    @Test
    void startsAnotherMajorVersionOnRequest() throws SQLException {
        PostgresServer fifteen = TestServers.embedded(15);
        Database db = fifteen.createDatabase();
        try {
            assertThat(fifteen.majorVersion()).isEqualTo(15);
            assertThat(queryString(db, "SHOW server_version_num")).startsWith("15");
        } finally {
            fifteen.drop(db);
        }
    }

    @Test
    void sharesOneServerPerConfiguration() {
        assertThat(PostgresServer.shared(ServerConfig.embedded())).isSameAs(server);
    }

    @AfterAll
    static void leavesNoDatabasesBehind() {
        PostgresServer server = TestServers.embedded();
        Set<String> left = server.driftlessDatabases().stream()
                .filter(name -> !Templates.of(server).isTemplateName(name) && !Templates.of(server).isPrefetched(name)).collect(Collectors.toSet());
        assertThat(left).as("databases left behind by this test class").isEmpty();
    }

    static String queryString(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static boolean databaseExists(Database via, String name) throws SQLException {
        try (Connection c = via.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
