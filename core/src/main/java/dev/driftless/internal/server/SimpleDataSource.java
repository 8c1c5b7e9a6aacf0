package dev.driftless.internal.server;

import dev.driftless.server.Redaction;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A non-pooling {@link DataSource} over pgjdbc whose {@code toString()} never shows the password.
 *
 * <p>Every session it opens has {@code standard_conforming_strings=on} (PostgreSQL's default since 9.1), whatever
 * the server, database or role says, so that the literals Driftless writes ({@link dev.driftless.sql.Quote}) and the
 * scripts it runs mean one thing.
 */
public final class SimpleDataSource implements DataSource {

    static {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final String SESSION_SETTING = "standard_conforming_strings=on";

    private final String url;
    private final boolean optionsInUrl;
    private final String user;
    private final String password;
    private volatile int loginTimeoutSeconds;

    /**
     * @param url the JDBC URL, without credentials
     * @param user the user
     * @param password the password, may be {@code null}
     */
    public SimpleDataSource(String url, String user, String password) {
        this(PgUrl.parse(url), user, password);
    }

    /**
     * @param url the JDBC URL; a password in it is used, and never shown
     * @param user the user
     * @param password the password, may be {@code null}
     */
    public SimpleDataSource(PgUrl url, String user, String password) {
        // A URL's own options parameter would replace the connection property, so the setting joins it there.
        this.optionsInUrl = url.has("options");
        this.url = (optionsInUrl ? url.withSessionSetting(SESSION_SETTING) : url).text();
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(user, password);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(username, password);
    }

    private Connection connect(String username, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "driftless");
        if (!optionsInUrl) {
            properties.setProperty("options", "-c " + SESSION_SETTING);
        }
        if (loginTimeoutSeconds > 0) {
            properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // pgjdbc logs through java.util.logging; nothing to set here.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used by this data source");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource[" + Redaction.url(url) + ", user " + user + "]";
    }
}
