package dev.driftless.internal.server;

import dev.driftless.server.Redaction;
import dev.driftless.DriftlessException;
import org.postgresql.Driver;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code PgUrl} is a user's pgjdbc URL taken apart just enough to point it at another database: the hosts, ports and
 * every parameter ({@code sslmode=verify-full}, {@code options}, {@code targetServerType}, ...) stay as the user wrote
 * them; only the database name changes. Every JDBC URL Driftless builds comes from here.
 *
 * <pre>{@code
 * PgUrl.parse("jdbc:postgresql://db1:5432,db2:5432/app?sslmode=verify-full").withDatabase("driftless_x")
 *     // jdbc:postgresql://db1:5432,db2:5432/driftless_x?sslmode=verify-full
 * }</pre>
 */
public final class PgUrl {

    private static final String PREFIX = "jdbc:postgresql:";

    private final String authority;
    private final String database;
    private final List<String> parameters;
    private final String firstHost;
    private final int firstPort;

    private PgUrl(String authority, String database, List<String> parameters, String firstHost, int firstPort) {
        this.authority = authority;
        this.database = database;
        this.parameters = parameters;
        this.firstHost = firstHost;
        this.firstPort = firstPort;
    }

    /**
     * Parses a pgjdbc URL.
     *
     * @param url the URL, in any form pgjdbc accepts
     * @return the parsed URL
     * @throws DriftlessException when pgjdbc would not accept it; the message shows it without its password
     */
    public static PgUrl parse(String url) {
        Properties parsed = url == null ? null : Driver.parseURL(url, new Properties());
        if (parsed == null || !url.startsWith(PREFIX)) {
            throw new DriftlessException("'" + Redaction.url(url) + "' is not a PostgreSQL JDBC URL. Write it as"
                    + " jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String query = question < 0 ? "" : rest.substring(question + 1);
        String path = question < 0 ? rest : rest.substring(0, question);
        String authority = null;
        String database = path;
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            authority = slash < 0 ? path.substring(2) : path.substring(2, slash);
            database = slash < 0 ? "" : path.substring(slash + 1);
        } else if (path.startsWith("/")) {
            database = path.substring(1);
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (!parameter.isEmpty()) {
                parameters.add(parameter);
            }
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        return new PgUrl(authority, URLDecoder.decode(database, StandardCharsets.UTF_8), List.copyOf(parameters), host,
                port);
    }

    /**
     * @param host a host name
     * @param port a port
     * @param database a database name
     * @return the URL {@code jdbc:postgresql://host:port/database}
     */
    public static PgUrl of(String host, int port, String database) {
        String authority = (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        return new PgUrl(authority, database, List.of(), host, port);
    }

    /**
     * @param name another database's name
     * @return the same URL pointing at that database
     */
    public PgUrl withDatabase(String name) {
        return new PgUrl(authority, name, parameters, firstHost, firstPort);
    }

    /** @return the database the URL names; empty when it names none (pgjdbc then uses the user's name) */
    public String database() {
        return database;
    }

    /** @return the first host the URL names */
    public String host() {
        return firstHost;
    }

    /** @return the first host's port */
    public int port() {
        return firstPort;
    }

    /**
     * @return the URL without {@code user} and {@code password} parameters, which Driftless passes as connection
     *     properties instead, so that a URL it hands out carries no secret
     */
    public PgUrl withoutCredentials() {
        List<String> kept = new ArrayList<>();
        for (String parameter : parameters) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!name.equals("user") && !name.equals("password")) {
                kept.add(parameter);
            }
        }
        return new PgUrl(authority, database, List.copyOf(kept), firstHost, firstPort);
    }

    /**
     * @param name a parameter name
     * @return whether the URL sets it
     */
    public boolean has(String name) {
        return parameters.stream().anyMatch(p -> p.startsWith(name + "=") || p.equals(name));
    }

    /**
     * Adds {@code -c name=value} to the URL's {@code options} parameter, after the user's own options. For settings
     * Driftless needs on every session when the URL carries {@code options} (which would otherwise replace the
     * connection property Driftless sets).
     *
     * @param setting {@code name=value}
     * @return the URL with the option
     */
    public PgUrl withSessionSetting(String setting) {
        List<String> merged = new ArrayList<>();
        boolean found = false;
        for (String parameter : parameters) {
            if (parameter.startsWith("options=")) {
                String value = URLDecoder.decode(parameter.substring("options=".length()), StandardCharsets.UTF_8);
                merged.add("options=" + URLEncoder.encode(value + " -c " + setting, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                found = true;
            } else {
                merged.add(parameter);
            }
        }
        if (!found) {
            merged.add("options=" + URLEncoder.encode("-c " + setting, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return new PgUrl(authority, database, List.copyOf(merged), firstHost, firstPort);
    }

    /** @return the URL, parameters included; show it to people only through {@link #toString()} */
    public String text() {
        StringBuilder url = new StringBuilder(PREFIX);
        if (authority != null) {
            url.append("//").append(authority).append('/');
        }
        url.append(URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"));
        if (!parameters.isEmpty()) {
            url.append('?').append(String.join("&", parameters));
        }
        return url.toString();
    }

    /** @return the URL with any password replaced by {@code ***} */
    @Override
    public String toString() {
        return Redaction.url(text());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgUrl && ((PgUrl) o).text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }
}
