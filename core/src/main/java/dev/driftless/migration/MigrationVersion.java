package dev.driftless.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code MigrationVersion} is the version of a migration, compared segment by segment as numbers, like Flyway's.
 *
 * <ul>
 *   <li>Segments are separated by {@code .} or {@code _}: {@code 1.1} and {@code 1_1} are equal.</li>
 *   <li>Each segment is a {@link BigInteger}, so {@code 10} comes after {@code 9} and {@code 1.10} after {@code 1.9},
 *       and timestamps such as {@code 20240101120000} compare as numbers.</li>
 *   <li>Trailing zero segments are trimmed: {@code 1.0} equals {@code 1}; leading zeros do not count: {@code 004}
 *       equals {@code 4}.</li>
 *   <li>A dashed timestamp as diesel writes it, {@code 2017-09-23-182408}, is the number made of its digits
 *       ({@code 20170923182408}), so it orders among plain timestamps such as {@code 20140924113530}.</li>
 *   <li>A leading {@code V} or {@code v} is ignored, so {@code V3} equals {@code 3}.</li>
 * </ul>
 *
 * <p>{@link #EMPTY} stands for "no migration applied" and sorts before every other version. Instances are immutable;
 * {@link #toString()} returns the text the version was written with.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

    /** {@code EMPTY} is the version of a database without any migration; it sorts before every other version. */
    public static final MigrationVersion EMPTY = new MigrationVersion(List.of(), "<empty>");

    private static final Pattern SEGMENTED = Pattern.compile("\\d+([._]\\d+)*");
    private static final Pattern DASHED = Pattern.compile("\\d+(-\\d+)+");

    private final List<BigInteger> segments;
    private final String text;

    private MigrationVersion(List<BigInteger> segments, String text) {
        this.segments = segments;
        this.text = text;
    }

    /**
     * Parses a version as written in a file or folder name.
     *
     * @param text the version, e.g. {@code 1.1}, {@code 004}, {@code 20240101120000}, {@code 2017-09-23-182408}
     * @return the version, never {@code null}
     * @throws IllegalArgumentException when the text is not a version (the message quotes it)
     */
    public static MigrationVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String body = text.trim();
        if (body.startsWith("V") || body.startsWith("v")) {
            body = body.substring(1);
        }
        List<BigInteger> segments = new ArrayList<>();
        if (SEGMENTED.matcher(body).matches()) {
            for (String part : body.split("[._]")) {
                segments.add(new BigInteger(part));
            }
        } else if (DASHED.matcher(body).matches()) {
            segments.add(new BigInteger(body.replace("-", "")));
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a migration version: expected numbers separated by"
                    + " '.' or '_' (1, 1.1, 004, 20240101120000) or a dashed timestamp (2017-09-23-182408)");
        }
        int size = segments.size();
        while (size > 1 && segments.get(size - 1).signum() == 0) {
            size--;
        }
        return new MigrationVersion(Collections.unmodifiableList(new ArrayList<>(segments.subList(0, size))), text.trim());
    }

    /**
     * Tells whether a text can be parsed by {@link #parse(String)}.
     *
     * @param text any text
     * @return {@code true} when {@link #parse(String)} accepts it
     */
    public static boolean isVersion(String text) {
        String body = text.trim();
        if (body.startsWith("V") || body.startsWith("v")) {
            body = body.substring(1);
        }
        return SEGMENTED.matcher(body).matches() || DASHED.matcher(body).matches();
    }

    /**
     * Returns the numeric segments after trimming trailing zeros.
     *
     * @return the segments, empty only for {@link #EMPTY}; never {@code null}
     */
    public List<BigInteger> segments() {
        return segments;
    }

    /**
     * Returns the canonical form: segments joined by dots, without leading or trailing zeros.
     *
     * @return e.g. {@code 1.1} for {@code 001_1}, {@code 20170923182408} for {@code 2017-09-23-182408}
     */
    public String canonical() {
        if (segments.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (BigInteger segment : segments) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.toString();
    }

    /**
     * Compares segment by segment as numbers; a version that is a prefix of another comes first.
     *
     * @param other the version to compare with
     * @return negative, zero or positive as this version is lower than, equal to or higher than {@code other}
     */
    @Override
    public int compareTo(MigrationVersion other) {
        int common = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < common; i++) {
            int c = segments.get(i).compareTo(other.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(segments.size(), other.segments.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion && ((MigrationVersion) o).segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** @return the version as written, e.g. {@code 001} or {@code 2017-09-23-182408} */
    @Override
    public String toString() {
        return text;
    }
}
