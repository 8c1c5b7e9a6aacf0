package dev.driftless.server;

import java.util.regex.Pattern;

/**
 * {@code Redaction} removes secrets from text meant for people. Every URL Driftless shows anywhere (messages, logs,
 * reports, {@code toString()}) goes through {@link #url(String)}; every message that could quote a known password
 * (a server's error, a container's log) through {@link #secret(String, String)}.
 *
 * <pre>{@code
 * Redaction.url("jdbc:postgresql://db/app?user=ci&password=s3cret")   // jdbc:postgresql://db/app?user=ci&password=***
 * Redaction.url("postgresql://ci:s3cret@db/app")                      // postgresql://ci:***@db/app
 * Redaction.url("https://ci:t0ken@nexus.example.com/maven2")         // https://ci:***@nexus.example.com/maven2
 * }</pre>
 */
public final class Redaction {

    /** A password parameter of a pgjdbc URL (or libpq connection string): {@code password=}, {@code sslpassword=}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:^|[?&;\\s])(?:ssl)?password=)[^&;\\s]*");
    /** The user-information part of a PostgreSQL or HTTP URL: {@code //user:secret@host}. */
    private static final Pattern USER_INFO =
            Pattern.compile("(?i)((?:jdbc:)?(?:postgres(?:ql)?|https?):/*)([^/@\\s?#]*?):([^/\\s]*)@");

    private Redaction() {
    }

    /**
     * Removes every password from a JDBC URL, or from any text holding URLs: the values of {@code password=} and
     * {@code sslpassword=} parameters (any case, after {@code ?}, {@code &} or {@code ;}), and the password of a
     * {@code postgresql://user:password@host} (or {@code https://user:password@host}, a Maven repository's URL)
     * user-information part. The one redaction of URLs: every message, log
     * line, report and {@code toString()} that shows a URL shows it through this method.
     *
     * @param text a URL or a text holding URLs, may be {@code null}
     * @return the text with every such password replaced by {@code ***}
     */
    public static String url(String text) {
        if (text == null) {
            return null;
        }
        String redacted = URL_PASSWORD.matcher(text).replaceAll("$1***");
        return USER_INFO.matcher(redacted).replaceAll("$1$2:***@");
    }

    /**
     * Replaces every occurrence of a secret in a text.
     *
     * @param text the text, may be {@code null}
     * @param secret the secret, may be {@code null} or empty
     * @return the text without the secret
     */
    public static String secret(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
