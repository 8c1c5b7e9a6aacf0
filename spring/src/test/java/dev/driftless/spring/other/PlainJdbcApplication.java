package dev.driftless.spring.other;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/** An application with Spring Boot's own DataSource (a Hikari pool) and nothing else, for tests without Driftless. */
@SpringBootConfiguration
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
public class PlainJdbcApplication {
}
