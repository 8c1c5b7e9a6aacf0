package dev.driftless.server;

import dev.driftless.DriftlessException;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The external provider, exercised for real against the embedded server as if the user ran it.
 */
class ExternalServerTest {

    private static PostgresServer host;
    private static Database hostAdmin;
    private static PostgresServer external;

    @BeforeAll
    static void connectToTheEmbeddedServerAsAnExternalOne() throws SQLException {
        host = TestServers.embedded();
        hostAdmin = host.createDatabase();
        execute(hostAdmin, "CREATE DATABASE users_app");
        external = PostgresServer.start(ServerConfig.external(
                "jdbc:postgresql://localhost:" + host.port() + "/users_app", hostAdmin.user(), hostAdmin.password()));
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        external.close();
        execute(hostAdmin, "DROP DATABASE IF EXISTS users_app");
        host.drop(hostAdmin);
    }

    @Test
    void createsClonesAndDropsItsOwnDatabases() throws SQLException {
        assertThat(external.provider()).isEqualTo(ProviderKind.EXTERNAL);
        Database db = external.createDatabase();
        execute(db, "CREATE TABLE t (id int)");

        assertThat(external.driftlessDatabases()).contains(db.name());
        external.drop(db);
        assertThat(external.driftlessDatabases()).doesNotContain(db.name());
    }

    @Test
    void autoChoosesTheExternalServerWhenAUrlIsConfigured() {
        try (PostgresServer auto = PostgresServer.start(ServerConfig.external(
                "jdbc:postgresql://localhost:" + host.port() + "/users_app", hostAdmin.user(), hostAdmin.password())
                .withProvider(ProviderKind.AUTO))) {
            assertThat(auto.provider()).isEqualTo(ProviderKind.EXTERNAL);
        }
    }

    @Test
    void refusesToDropTheUsersDatabase() {
        assertThatThrownBy(() -> external.drop("users_app"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Refusing to drop database 'users_app': Driftless did not create it (its name lacks the"
                        + " 'driftless_' prefix). Driftless only ever changes databases it created itself.");
    }

    @Test
    void dropsWhatItCreatedWhenClosedButLeavesTheRest() throws SQLException {
        PostgresServer second = PostgresServer.start(ServerConfig.external(
                "jdbc:postgresql://localhost:" + host.port() + "/users_app", hostAdmin.user(), hostAdmin.password()));
        Database created = second.createDatabase();

        second.close();

        assertThat(host.driftlessDatabases()).doesNotContain(created.name());
        assertThat(EmbeddedServerTest.databaseExists(hostAdmin, "users_app")).isTrue();
    }

    @Test
    void explainsAnUnreachableServerWithoutShowingThePassword() {
        assertThatThrownBy(() -> PostgresServer.start(ServerConfig.external(
                "jdbc:postgresql://localhost:1/app?password=hunter2", "ci", "s3cret-pw")))
                .isInstanceOf(DriftlessException.class)
                .hasMessageStartingWith("Cannot connect to the external PostgreSQL server"
                        + " jdbc:postgresql://localhost:1/app as user 'ci' (driftless.jdbc.url): Connection"
                        + " to localhost:1 refused.")
                .hasMessageEndingWith("Check that the server runs and accepts connections from this machine, and that"
                        + " driftless.jdbc.user and driftless.jdbc.password are right.")
                .message().doesNotContain("s3cret-pw").doesNotContain("hunter2");
    }

    @Test
    void keepsEveryUrlParameterForEveryConnection() throws SQLException {
        String url = "jdbc:postgresql://localhost:1,localhost:" + host.port() + "/users_app"
                + "?options=-c%20search_path%3Dapp_schema&connectTimeout=5&ApplicationName=ci";
        try (PostgresServer withParameters = PostgresServer.start(ServerConfig.external(url, hostAdmin.user(),
                hostAdmin.password()))) {
            Database db = withParameters.createDatabase();
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:1,localhost:" + host.port() + "/"
                    + db.name() + "?options=-c%20search_path%3Dapp_schema&connectTimeout=5&ApplicationName=ci");
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                assertThat(setting(st, "search_path")).isEqualTo("app_schema");
                assertThat(setting(st, "standard_conforming_strings")).isEqualTo("on");
            }
        }
    }

    @Test
    void refusesAPlainTextServerWhenTheUrlRequiresSsl() {
        String url = "jdbc:postgresql://localhost:" + host.port() + "/users_app?sslmode=require";
        assertThatThrownBy(() -> PostgresServer.start(ServerConfig.external(url, hostAdmin.user(), hostAdmin.password())))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Cannot connect to the external PostgreSQL server " + url + " as user 'postgres'"
                        + " (driftless.jdbc.url): The server does not support SSL. [SQLSTATE 08004]. Check that the"
                        + " server runs and accepts connections from this machine, and that driftless.jdbc.user and"
                        + " driftless.jdbc.password are right.");
    }

    private static String setting(Statement st, String name) throws SQLException {
        try (java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void explainsAWrongPassword() {
        assertThatThrownBy(() -> PostgresServer.start(ServerConfig.external(
                "jdbc:postgresql://localhost:" + host.port() + "/users_app", hostAdmin.user(), "not-the-password")))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("as user 'postgres' (driftless.jdbc.url): FATAL: password authentication failed"
                        + " for user \"postgres\" [SQLSTATE 28P01]");
    }

    @Test
    void explainsAUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> PostgresServer.start(ServerConfig.external("jdbc:mysql://localhost/app", "u", "p")))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("'jdbc:mysql://localhost/app' is not a PostgreSQL JDBC URL (driftless.jdbc.url). Write it as"
                        + " jdbc:postgresql://HOST:PORT/DATABASE.");
    }

    @Test
    void explainsAUserWhoMayNotCreateDatabases() throws SQLException {
        execute(hostAdmin, "CREATE ROLE reader LOGIN PASSWORD 'reader-pw'");
        try {
            assertThatThrownBy(() -> PostgresServer.start(ServerConfig.external(
                    "jdbc:postgresql://localhost:" + host.port() + "/users_app", "reader", "reader-pw")))
                    .isInstanceOf(DriftlessException.class)
                    .hasMessage("User 'reader' on the external PostgreSQL server jdbc:postgresql://localhost:" + host.port()
                            + "/users_app may not create databases, and Driftless creates one per test. Run ALTER ROLE"
                            + " \"reader\" CREATEDB; or configure another user (driftless.jdbc.user).");
        } finally {
            execute(hostAdmin, "DROP ROLE reader");
        }
    }

    @Test
    void configurationNeverShowsThePassword() {
        ServerConfig config = ServerConfig.external("jdbc:postgresql://db:5432/app", "ci", "s3cret-pw");
        assertThat(config.toString()).isEqualTo("ServerConfig[external, jdbc:postgresql://db:5432/app, user ci]");
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
