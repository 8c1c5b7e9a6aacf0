package dev.driftless.internal.server;

import java.security.SecureRandom;

/**
 * Random passwords and names. Redaction of what must not be shown is {@link dev.driftless.server.Redaction}'s.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
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

}
