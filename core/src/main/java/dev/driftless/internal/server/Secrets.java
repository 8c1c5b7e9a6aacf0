package dev.driftless.internal.server;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Random passwords and names, and redaction of credentials in text meant for people.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** A password parameter of a pgjdbc URL (or libpq connection string): {@code password=}, {@code sslpassword=}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:^|[?&;\\s])(?:ssl)?password=)[^&;\\s]*");
    /** The user-information part of a URL: {@code //user:secret@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)((?:jdbc:)?postgres(?:ql)?:/*)([^/@\\s?#]*?):([^/\\s]*)@");

    private Secrets() {
    }

    /**
     * @param length number of characters
     * @return a random lower-case alphanumeric string, safe in identifiers and passwords
     */
    public static String randomToken(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    /** @return a fresh random password of 32 characters */
    public static String newPassword() {
        return randomToken(32);
    }

    /**
     * Removes every password from a JDBC URL, or from any text holding URLs: the values of {@code password=} and
     * {@code sslpassword=} parameters (any case, after {@code ?}, {@code &} or {@code ;}), and the password of a
     * {@code postgresql://user:password@host} user-information part. The one redaction of URLs: every message, log
     * line, report and {@code toString()} that shows a URL shows it through this method.
     *
     * @param text a URL or a text holding URLs, may be {@code null}
     * @return the text with every such password replaced by {@code ***}
     */
    public static String redactUrl(String text) {
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
    public static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
