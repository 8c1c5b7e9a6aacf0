package dev.driftless.internal.server;

import dev.driftless.server.Redaction;
import dev.driftless.server.ServerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Redaction#url(String)}: every form of URL that can carry a password, and text that holds such URLs. */
class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://h/db?password=s3cret                       | jdbc:postgresql://h/db?password=***",
        "jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true       | jdbc:postgresql://h/db?user=u&password=***&ssl=true",
        "jdbc:postgresql://h/db?PASSWORD=s3cret                       | jdbc:postgresql://h/db?PASSWORD=***",
        "jdbc:postgresql://h/db?Password=s3%26cret                    | jdbc:postgresql://h/db?Password=***",
        "jdbc:postgresql://h/db?sslpassword=s3cret&sslmode=verify-full | jdbc:postgresql://h/db?sslpassword=***&sslmode=verify-full",
        "jdbc:postgresql://h/db?password=                             | jdbc:postgresql://h/db?password=***",
        "jdbc:postgresql:db?password=s3cret                           | jdbc:postgresql:db?password=***",
        "jdbc:postgresql://u:s3cret@h:5432/db                         | jdbc:postgresql://u:***@h:5432/db",
        "jdbc:postgresql://u:s3:cr@et@h1:1,h2:2/db                    | jdbc:postgresql://u:***@h1:1,h2:2/db",
        "jdbc:postgresql://:s3cret@h/db                               | jdbc:postgresql://:***@h/db",
        "postgresql://u:s3cret@h/db                                   | postgresql://u:***@h/db",
        "postgres://u:s3cret@h/db?sslmode=require                     | postgres://u:***@h/db?sslmode=require",
        "host=h user=u password=s3cret dbname=db                      | host=h user=u password=*** dbname=db",
        "jdbc:postgresql://h:5432/db?sslmode=require                  | jdbc:postgresql://h:5432/db?sslmode=require",
        "jdbc:postgresql://h:5432,h2:5433/db?x=a@b                    | jdbc:postgresql://h:5432,h2:5433/db?x=a@b",
        "https://ci:s3cret@nexus.example.com/maven2                   | https://ci:***@nexus.example.com/maven2",
        "http://ci:s3cret@127.0.0.1:8081/repository/central/          | http://ci:***@127.0.0.1:8081/repository/central/",
        "https://repo.maven.apache.org/maven2                         | https://repo.maven.apache.org/maven2",
    })
    void removesEveryPassword(String url, String expected) {
        assertThat(Redaction.url(url)).isEqualTo(expected).doesNotContain("s3");
    }

    @Test
    void removesPasswordsFromUrlsInsideText() {
        assertThat(Redaction.url("Cannot connect to jdbc:postgresql://u:s3cret@h/db (and ?password=x2 too)."))
                .isEqualTo("Cannot connect to jdbc:postgresql://u:***@h/db (and ?password=*** too).");
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void serverConfigurationsNeverShowAPassword() {
        assertThat(ServerConfig.external("jdbc:postgresql://db/app?password=s3cret", "ci", "other-s3cret"))
                .hasToString("ServerConfig[external, jdbc:postgresql://db/app?password=***, user ci]");
        assertThat(ServerConfig.external("jdbc:postgresql://ci:s3cret@db/app", null, null))
                .hasToString("ServerConfig[external, jdbc:postgresql://ci:***@db/app, user postgres]");
    }

    @Test
    void urlsPrintWithoutTheirPassword() {
        assertThat(PgUrl.parse("jdbc:postgresql://db/app?password=s3cret&sslmode=require"))
                .hasToString("jdbc:postgresql://db/app?password=***&sslmode=require");
        assertThat(new SimpleDataSource("jdbc:postgresql://db/app?password=s3cret", "u", "p2"))
                .hasToString("DataSource[jdbc:postgresql://db/app?password=***, user u]");
    }
}
