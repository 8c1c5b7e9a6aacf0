package dev.driftless.server;

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
    private final String host;
    private final int port;
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
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.user = Objects.requireNonNull(user, "user");
        this.password = password;
        this.dataSource = new SimpleDataSource(jdbcUrl(), user, password);
    }

    /** @return the database name, never {@code null} */
    public String name() {
        return name;
    }

    /** @return the JDBC URL, without credentials: {@code jdbc:postgresql://localhost:5432/name} */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** @return the server's host name */
    public String host() {
        return host;
    }

    /** @return the server's port */
    public int port() {
        return port;
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
        return "Database[" + name + " at " + host + ":" + port + ", user " + user + "]";
    }
}
