package dev.driftless.server;

import dev.driftless.internal.server.PgUrl;
import dev.driftless.internal.server.SimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@code Database} is one database on a {@link PostgresServer}: its name, how to connect, and a {@link DataSource}.
 *
 * <p>Databases made by {@link PostgresServer#createDatabase()} or {@code Template#newDatabase()} belong to Driftless
 * and are dropped with {@link PostgresServer#drop(Database)}. {@link #toString()} never shows the password.
 */
public final class Database {

    private final String name;
    private final PgUrl url;
    private final String user;
    private final String password;
    private final SimpleDataSource dataSource;

    /**
     * Describes a database; used by the server, rarely by users.
     *
     * @param name the database name
     * @param host the server's host
     * @param port the server's port
     * @param user the user to connect as
     * @param password that user's password, may be {@code null}
     */
    public Database(String name, String host, int port, String user, String password) {
        this(name, PgUrl.of(Objects.requireNonNull(host, "host"), port, name), user, password);
    }

    Database(String name, PgUrl url, String user, String password) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = url.withDatabase(name).withoutCredentials();
        this.user = Objects.requireNonNull(user, "user");
        this.password = password;
        this.dataSource = new SimpleDataSource(this.url, user, password);
    }

    /**
     * Describes a database by its JDBC URL, keeping every parameter of it ({@code sslmode}, several hosts, ...).
     *
     * @param jdbcUrl a pgjdbc URL naming the database
     * @param user the user to connect as
     * @param password that user's password, may be {@code null}
     * @return the database
     * @throws dev.driftless.DriftlessException when the URL is not a PostgreSQL JDBC URL
     */
    public static Database at(String jdbcUrl, String user, String password) {
        PgUrl url = PgUrl.parse(jdbcUrl);
        return new Database(url.database(), url, user, password);
    }

    /** @return the database name, never {@code null} */
    public String name() {
        return name;
    }

    /**
     * @return the JDBC URL, without credentials but with every other parameter of the server's URL:
     *     {@code jdbc:postgresql://localhost:5432/name}
     */
    public String jdbcUrl() {
        return url.text();
    }

    /** @return the server's host name (the first, when the URL names several) */
    public String host() {
        return url.host();
    }

    /** @return the server's port (the first host's) */
    public int port() {
        return url.port();
    }

    /** @return the user to connect as, never {@code null} */
    public String user() {
        return user;
    }

    /** @return the password of {@link #user()}; never log it */
    public String password() {
        return password;
    }

    /**
     * Returns a data source for this database. Each {@code getConnection()} opens a new connection; close it.
     *
     * @return the data source, never {@code null}
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Opens a new connection to this database.
     *
     * @return an open connection, which the caller closes
     * @throws SQLException when the server refuses the connection
     */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Database && ((Database) o).jdbcUrl().equals(jdbcUrl());
    }

    @Override
    public int hashCode() {
        return jdbcUrl().hashCode();
    }

    @Override
    public String toString() {
        return "Database[" + name + " at " + url.host() + ":" + url.port() + ", user " + user + "]";
    }
}
