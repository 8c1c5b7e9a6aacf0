package dev.driftless.cli.internal;

import dev.driftless.server.Redaction;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.server.Database;
import dev.driftless.sql.ServerError;
import org.postgresql.Driver;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * {@code Jdbc} connects to a database the user names with {@code --jdbc-url}: credentials from options and
 * environment, never echoed.
 */
public final class Jdbc {

    private Jdbc() {
    }

    static String user(String option, DriftlessConfig settings) {
        if (option != null) {
            return option;
        }
        return settings.get(DriftlessConfig.JDBC_USER).orElse(null);
    }

    static String password(DriftlessConfig settings) {
        return settings.get(DriftlessConfig.JDBC_PASSWORD).orElseGet(() -> System.getenv("PGPASSWORD"));
    }

    /**
     * Makes a data source for a user's database and checks that it answers.
     *
     * @param url the JDBC URL
     * @param userOption the {@code --user} option, may be {@code null}
     * @return the data source
     * @throws BadInputException when the URL is not a PostgreSQL JDBC URL or the database cannot be reached
     */
    public static DataSource dataSource(String url, String userOption) {
        return database(url, userOption).dataSource();
    }

    /**
     * Makes the database of a user's JDBC URL, for a migration engine, and checks that it answers.
     *
     * @param url the JDBC URL
     * @param userOption the {@code --user} option, may be {@code null}
     * @return the database
     * @throws BadInputException as {@link #dataSource(String, String)} does
     */
    public static Database database(String url, String userOption) {
        if (!url.startsWith("jdbc:postgresql:") || Driver.parseURL(url, new Properties()) == null) {
            throw new BadInputException("--jdbc-url " + Redaction.url(url)
                    + ": not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:5432/database");
        }
        DriftlessConfig settings = DriftlessConfig.load();
        Properties parsed = Driver.parseURL(url, new Properties());
        String user = user(userOption, settings);
        if (user == null) {
            user = parsed.getProperty("user", System.getProperty("user.name"));
        }
        String password = password(settings);
        if (password == null) {
            password = parsed.getProperty("password");
        }
        Database database = Database.at(url, user, password);
        try (Connection ignored = database.dataSource().getConnection()) {
            return database;
        } catch (SQLException e) {
            ServerError error = ServerError.of(e);
            throw new BadInputException("Cannot connect to " + Redaction.url(url) + ": "
                    + Redaction.url(Redaction.secret(error.message(), password))
                    + (error.sqlState() == null ? "" : " [" + error.sqlState() + "]")
                    + ". Check that the server runs, the user (--user or DRIFTLESS_JDBC_USER) and the password "
                    + "(DRIFTLESS_JDBC_PASSWORD or PGPASSWORD).");
        }
    }
}
