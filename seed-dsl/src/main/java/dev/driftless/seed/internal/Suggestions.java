package dev.driftless.seed.internal;

import java.util.Collection;
import java.util.Locale;

/** {@code Suggestions} finds the existing name closest to a misspelt one (Levenshtein distance). */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns the candidate closest to a name, if it is close enough to be a plausible typo.
     *
     * @param name the unknown name
     * @param candidates the existing names
     * @return the closest candidate, or {@code null} when none is close
     */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.max(2, Math.max(name.length(), best.length()) / 3);
        return bestDistance <= limit ? best : null;
    }

    /**
     * Formats the "did you mean" part of a message.
     *
     * @param name the unknown name
     * @param candidates the existing names
     * @return {@code "; did you mean \"x\"?"} or an empty string
     */
    public static String didYouMean(String name, Collection<String> candidates) {
        String closest = closest(name, candidates);
        return closest == null ? "" : "; did you mean \"" + closest + "\"?";
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
