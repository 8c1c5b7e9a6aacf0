package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PgUrl}: only the database changes; hosts, ports and every parameter stay as the user wrote them. */
class PgUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/app                               | jdbc:postgresql://db:5432/driftless_x",
        "jdbc:postgresql://db/app?sslmode=verify-full&sslrootcert=/ca.pem | jdbc:postgresql://db/driftless_x?sslmode=verify-full&sslrootcert=/ca.pem",
        "jdbc:postgresql://db1:5432,db2:5433/app?targetServerType=primary | jdbc:postgresql://db1:5432,db2:5433/driftless_x?targetServerType=primary",
        "jdbc:postgresql://[::1]:5432/app                            | jdbc:postgresql://[::1]:5432/driftless_x",
        "jdbc:postgresql://db/app?options=-c%20search_path%3Dapp     | jdbc:postgresql://db/driftless_x?options=-c%20search_path%3Dapp",
        "jdbc:postgresql:app?ssl=true                                | jdbc:postgresql:driftless_x?ssl=true",
        "jdbc:postgresql://db/                                       | jdbc:postgresql://db/driftless_x",
    })
    void pointsAtAnotherDatabaseKeepingEverythingElse(String url, String expected) {
        assertThat(PgUrl.parse(url).withDatabase("driftless_x").text()).isEqualTo(expected);
    }

    @Test
    void readsTheFirstHostAndTheDatabase() {
        PgUrl url = PgUrl.parse("jdbc:postgresql://db1:6543,db2:5433/my%20app?sslmode=require");
        assertThat(url.host()).isEqualTo("db1");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("my app");
        assertThat(url.has("sslmode")).isTrue();
    }

    @Test
    void leavesCredentialsOutOfTheUrlsItHandsOut() {
        assertThat(PgUrl.parse("jdbc:postgresql://db/app?user=ci&password=s3cret&sslmode=require")
                .withoutCredentials().text()).isEqualTo("jdbc:postgresql://db/app?sslmode=require");
    }

    @Test
    void addsASessionSettingToTheUsersOwnOptions() {
        assertThat(PgUrl.parse("jdbc:postgresql://db/app?options=-c%20search_path%3Dapp&ssl=false")
                .withSessionSetting("standard_conforming_strings=on").text())
                .isEqualTo("jdbc:postgresql://db/app?options=-c%20search_path%3Dapp%20-c%20standard_conforming_strings"
                        + "%3Don&ssl=false");
    }

    @Test
    void explainsAUrlThatIsNotPostgresWithoutItsPassword() {
        assertThatThrownBy(() -> PgUrl.parse("jdbc:mysql://db/app?password=s3cret"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("'jdbc:mysql://db/app?password=***' is not a PostgreSQL JDBC URL. Write it as"
                        + " jdbc:postgresql://HOST:PORT/DATABASE.");
    }
}
