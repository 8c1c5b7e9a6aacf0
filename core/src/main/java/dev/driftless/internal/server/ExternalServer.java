package dev.driftless.internal.server;

import dev.driftless.server.Redaction;
import dev.driftless.DriftlessException;
import dev.driftless.server.ProviderKind;
import dev.driftless.sql.Quote;
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

    private final PgUrl url;
    private final String user;
    private final String password;

    private ExternalServer(PgUrl url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Connects to a server and checks that Driftless can create databases there. Every parameter of the URL
     * ({@code sslmode}, {@code options}, several hosts, ...) is kept for every connection Driftless opens; only the
     * database name changes.
     *
     * @param jdbcUrl the JDBC URL of a database on the server
     * @param user the user, {@code null} for the URL's {@code user} parameter, else {@code postgres}
     * @param password the password, may be {@code null} for the URL's {@code password} parameter
     * @return the handle
     * @throws DriftlessException when the URL is malformed, the server unreachable, or the user may not create databases
     */
    public static ExternalServer connect(String jdbcUrl, String user, String password) {
        PgUrl url;
        try {
            url = PgUrl.parse(jdbcUrl);
        } catch (DriftlessException e) {
            throw new DriftlessException("'" + Redaction.url(jdbcUrl) + "' is not a PostgreSQL JDBC URL"
                    + " (driftless.jdbc.url). Write it as jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        String effectiveUser = user != null ? user : parsed.getProperty("user", "postgres");
        String effectivePassword = password != null ? password : parsed.getProperty("password");
        if (url.database().isEmpty()) {
            url = url.withDatabase(effectiveUser);
        }
        ExternalServer server = new ExternalServer(url.withoutCredentials(), effectiveUser, effectivePassword);
        server.checkAccess();
        return server;
    }

    private void checkAccess() {
        SimpleDataSource dataSource = new SimpleDataSource(url, user, password);
        dataSource.setLoginTimeout(10);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new DriftlessException("User '" + user + "' on the external PostgreSQL server " + url
                        + " may not create databases, and Driftless creates one per test. Run"
                        + " ALTER ROLE " + Quote.identifier(user) + " CREATEDB; or configure another user"
                        + " (driftless.jdbc.user).");
            }
        } catch (SQLException e) {
            throw new DriftlessException("Cannot connect to the external PostgreSQL server " + url + " as user '"
                    + user + "' (driftless.jdbc.url): " + Redaction.url(Redaction.secret(e.getMessage(), password))
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
        return url.host();
    }

    @Override
    public int port() {
        return url.port();
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
        return url.database();
    }

    @Override
    public PgUrl url() {
        return url;
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + url;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
