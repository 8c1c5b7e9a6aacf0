package dev.driftless.internal.server;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Random passwords and names, and redaction of credentials in text meant for people.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

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
     * Removes a {@code password=...} parameter's value from a JDBC URL.
     *
     * @param jdbcUrl a JDBC URL, may be {@code null}
     * @return the URL with any password replaced by {@code ***}
     */
    public static String redactUrl(String jdbcUrl) {
        return jdbcUrl == null ? null : URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
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
