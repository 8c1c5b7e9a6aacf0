package dev.driftless.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application over PostgreSQL: JPA entities and a repository, and a service on JdbcClient. */
@SpringBootApplication
public class ShopApplication {
}
