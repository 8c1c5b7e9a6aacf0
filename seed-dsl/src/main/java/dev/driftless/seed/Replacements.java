package dev.driftless.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Replacements} evaluates the replacement values of Database Rider and DbUnit datasets, as Rider's default
 * replacers do (its {@code NullReplacer}, {@code DateTimeReplacer}, {@code UnixTimestampReplacer} and
 * {@code IncludeReplacer}), for one clock reading:
 * <ul>
 *   <li>{@code [null]} (the whole value) — SQL {@code NULL};</li>
 *   <li>{@code [DAY,NOW]}, {@code [DAY,TOMORROW]}, {@code [HOUR,PLUS_ONE]}, {@code [MIN,MINUS_30]}, ... anywhere in a
 *       value — the time now, moved as the name says, written {@code yyyy-MM-dd HH:mm:ss} in the clock's zone;</li>
 *   <li>{@code [UNIX_TIMESTAMP]} (the whole value) — the seconds since 1970;</li>
 *   <li>{@code [INCLUDE]path/to/file} — the text of that class path file.</li>
 * </ul>
 * A value in Rider's scripting syntax ({@code groovy:...}, {@code js:...}), any other value that is written like a
 * replacement as a whole ({@code [WORD]} or {@code [WORD,...]}, e.g. {@code [DAY,PLUS,1]}), and a date replacement
 * with a name Rider does not have ({@code [DAY,SOON]}) are refused: they would otherwise be stored as their own text.
 * Every other value is returned unchanged.
 *
 * <pre>{@code
 * Replacements r = Replacements.at(Instant.parse("2025-01-19T10:00:00Z"), ZoneOffset.UTC);
 * r.apply("[DAY,TOMORROW]");   // "2025-01-20 10:00:00"
 * r.apply("[null]");           // null
 * r.apply("groovy:new Date()") // IllegalArgumentException: scripting is not evaluated ...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Replacements {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern TIME = Pattern.compile("\\[(DAY|HOUR|MIN|SEC),([A-Z_0-9]+)]");
    private static final Pattern LOOKS_LIKE = Pattern.compile("\\[[A-Za-z_]+(,[^\\]]*)?]");
    private static final String INCLUDE = "[INCLUDE]";
    private static final Map<String, Map<String, Long>> SHIFTS = Map.of(
            "DAY", Map.of("NOW", 0L, "YESTERDAY", -1L, "TOMORROW", 1L, "WEEK_AFTER", 7L, "WEEK_BEFORE", -7L,
                    "MONTH_AFTER", 30L, "MONTH_BEFORE", -30L, "YEAR_AFTER", 365L, "YEAR_BEFORE", -365L),
            "HOUR", Map.of("NOW", 0L, "PLUS_ONE", 1L, "MINUS_ONE", -1L, "PLUS_TEN", 10L, "MINUS_TEN", -10L),
            "MIN", minutesOrSeconds(),
            "SEC", minutesOrSeconds());
    private static final Map<String, ChronoUnit> UNITS = Map.of("DAY", ChronoUnit.DAYS, "HOUR", ChronoUnit.HOURS,
            "MIN", ChronoUnit.MINUTES, "SEC", ChronoUnit.SECONDS);

    private final Instant now;
    private final ZoneId zone;

    private Replacements(Instant now, ZoneId zone) {
        this.now = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.SECONDS);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    private static Map<String, Long> minutesOrSeconds() {
        return Map.of("NOW", 0L, "PLUS_ONE", 1L, "MINUS_ONE", -1L, "PLUS_TEN", 10L, "MINUS_TEN", -10L,
                "PLUS_30", 30L, "MINUS_30", -30L);
    }

    /**
     * Returns the replacements for one clock reading.
     *
     * @param now the time {@code [DAY,NOW]} stands for
     * @param zone the zone its text is written in (Rider writes the JVM's default zone)
     * @return the replacements, never {@code null}
     */
    public static Replacements at(Instant now, ZoneId zone) {
        return new Replacements(now, zone);
    }

    /**
     * Tells whether a value may hold a replacement, cheaply: only such values need {@link #apply(Object)}.
     *
     * @param value a dataset value
     * @return whether it is text holding {@code [} or starting like a script
     */
    public static boolean mayReplace(Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return text.indexOf('[') >= 0 || (first == 'g' || first == 'j') && (text.startsWith("groovy:")
                || text.startsWith("js:"));
    }

    /**
     * Evaluates a dataset value.
     *
     * @param value the value as written
     * @return the value with replacements made: {@code null} for {@code [null]}, text for the others
     * @throws IllegalArgumentException for scripting, an unknown replacement, or an {@code [INCLUDE]} file that is not
     *     on the class path, saying what to write instead
     */
    public Object apply(Object value) {
        if (!mayReplace(value)) {
            return value;
        }
        String text = (String) value;
        if (text.startsWith("groovy:") || text.startsWith("js:")) {
            throw new IllegalArgumentException("\"" + text + "\" is a Database Rider script, and Driftless does not"
                    + " run scripts in datasets; write the value itself, or a placeholder ($now-1d, $today, $ref:alias)");
        }
        if (text.equals("[null]")) {
            return null;
        }
        if (text.equals("[UNIX_TIMESTAMP]")) {
            return Long.toString(now.getEpochSecond());
        }
        if (text.startsWith(INCLUDE)) {
            return include(text.substring(INCLUDE.length()));
        }
        Matcher m = TIME.matcher(text);
        StringBuilder sb = null;
        while (m.find()) {
            Long shift = SHIFTS.get(m.group(1)).get(m.group(2));
            if (shift == null) {
                throw new IllegalArgumentException("\"" + m.group() + "\" is not a Database Rider date replacement;"
                        + " " + m.group(1) + " takes " + String.join(", ", new java.util.TreeSet<>(
                        SHIFTS.get(m.group(1)).keySet())) + " (or write $now+1d, $now-2h)");
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            m.appendReplacement(sb, FORMAT.format(LocalDateTime.ofInstant(now, zone)
                    .plus(shift, UNITS.get(m.group(1)))));
        }
        if (sb != null) {
            m.appendTail(sb);
            return sb.toString();
        }
        if (LOOKS_LIKE.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a replacement Driftless knows, and it is not"
                    + " stored as text; write [null], [DAY,NOW] (DAY, HOUR, MIN or SEC with NOW, PLUS_ONE, ...),"
                    + " [UNIX_TIMESTAMP] or [INCLUDE]path, or a placeholder ($now+1d, $today)");
        }
        return text;
    }

    private static String include(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : Replacements.class.getClassLoader())
                .getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("[INCLUDE]" + path + ": there is no class path file " + name
                        + "; put it on the class path (e.g. src/test/resources/" + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Replacements[now=" + now + ", zone=" + zone + "]";
    }
}
