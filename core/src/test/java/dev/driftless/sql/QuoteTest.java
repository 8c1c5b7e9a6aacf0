package dev.driftless.sql;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Quote} on a real server, under both settings of {@code standard_conforming_strings}. */
class QuoteTest {

    private static final String[] HOSTILE = {
        "plain", "it's", "a\\b", "a\\'; DROP TABLE victim; --", "\\\\'", "'\\", "ends with \\", "E'x'", "$$dollar$$",
        "\"quoted\"", "line\nbreak", "tab\tand\u00e9\u4e2d", "\\x41", "''"
    };

    private static PostgresServer server;
    private static Database database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        server = TestServers.embedded();
        database = server.createDatabase();
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE victim (id int)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        server.drop(database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void literalsReadBackExactlyUnderEitherSetting(String setting) throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("SET standard_conforming_strings = " + setting);
            st.execute("SET escape_string_warning = off");
            for (String value : HOSTILE) {
                try (ResultSet rs = st.executeQuery("SELECT " + Quote.literal(value))) {
                    rs.next();
                    assertThat(rs.getString(1)).as("literal of %s with standard_conforming_strings=%s", value, setting)
                            .isEqualTo(value);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('victim') IS NOT NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the table an injection would drop").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void identifiersReadBackExactly(String setting) throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("SET standard_conforming_strings = " + setting);
            for (String name : HOSTILE) {
                String table = Quote.qualified("public", name);
                st.execute("CREATE TABLE " + table + " (x int)");
                try (ResultSet rs = st.executeQuery("SELECT relname FROM pg_class WHERE oid = "
                        + Quote.literal(table) + "::regclass")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(name);
                }
                st.execute("DROP TABLE " + table);
            }
        }
    }

    @Test
    void everySessionDriftlessOpensConformsWhateverTheDatabaseSays() throws SQLException {
        Database legacy = server.createDatabase();
        try {
            try (Connection c = database.connect(); Statement st = c.createStatement()) {
                st.execute("ALTER DATABASE " + Quote.identifier(legacy.name()) + " SET standard_conforming_strings = off");
            }
            try (Connection c = legacy.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('standard_conforming_strings')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        } finally {
            server.drop(legacy);
        }
    }

    @Test
    void refusesWhatNoPostgresqlTextCanHold() {
        assertThatThrownBy(() -> Quote.literal("a\0b"))
                .hasMessage("A PostgreSQL string cannot hold a NUL character: a\\0b");
        assertThatThrownBy(() -> Quote.identifier(""))
                .hasMessage("'' cannot be an SQL identifier: it is empty");
        assertThatThrownBy(() -> Quote.identifier("a\0"))
                .hasMessage("'a\\0' cannot be an SQL identifier: it holds a NUL character");
    }

    @Test
    void writesPlainLiteralsWhereNoBackslashIsInvolved() {
        assertThat(Quote.literal("it's")).isEqualTo("'it''s'");
        assertThat(Quote.literal("a\\b")).isEqualTo("E'a\\\\b'");
        assertThat(Quote.identifier("Order")).isEqualTo("\"Order\"");
        assertThat(Quote.qualified("app", "my\"t")).isEqualTo("\"app\".\"my\"\"t\"");
    }
}
