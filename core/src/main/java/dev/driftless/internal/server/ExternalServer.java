package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.server.ProviderKind;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A server the user runs, reached through {@code driftless.jdbc.url}. Driftless never stops it, and only ever drops
 * the databases it created there.
 */
public final class ExternalServer implements ServerHandle {

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String redactedUrl;

    private ExternalServer(String host, int port, String database, String user, String password, String redactedUrl) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.redactedUrl = redactedUrl;
    }

    /**
     * Connects to a server and checks that Driftless can create databases there.
     *
     * @param jdbcUrl the JDBC URL of a database on the server
     * @param user the user, {@code null} for {@code postgres}
     * @param password the password, may be {@code null}
     * @return the handle
     * @throws DriftlessException when the URL is malformed, the server unreachable, or the user may not create databases
     */
    public static ExternalServer connect(String jdbcUrl, String user, String password) {
        String redacted = Secrets.redactUrl(jdbcUrl);
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw new DriftlessException("'" + redacted + "' is not a PostgreSQL JDBC URL (driftless.jdbc.url). Write it as"
                    + " jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        String effectiveUser = user != null ? user : parsed.getProperty("user", "postgres");
        String effectivePassword = password != null ? password : parsed.getProperty("password");
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        String database = parsed.getProperty("PGDBNAME", "postgres");
        ExternalServer server = new ExternalServer(host, port, database, effectiveUser, effectivePassword, redacted);
        server.checkAccess();
        return server;
    }

    private void checkAccess() {
        SimpleDataSource dataSource = new SimpleDataSource("jdbc:postgresql://" + host + ":" + port + "/" + database,
                user, password);
        dataSource.setLoginTimeout(10);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new DriftlessException("User '" + user + "' on the external PostgreSQL server " + redactedUrl
                        + " may not create databases, and Driftless creates one per test. Run"
                        + " ALTER ROLE \"" + user + "\" CREATEDB; or configure another user (driftless.jdbc.user).");
            }
        } catch (SQLException e) {
            throw new DriftlessException("Cannot connect to the external PostgreSQL server " + redactedUrl + " as user '"
                    + user + "' (driftless.jdbc.url): " + Secrets.redact(e.getMessage(), password)
                    + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]")
                    + ". Check that the server runs and accepts connections from this machine, and that"
                    + " driftless.jdbc.user and driftless.jdbc.password are right.", e);
        }
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.EXTERNAL;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String adminDatabase() {
        return database;
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + redactedUrl;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
