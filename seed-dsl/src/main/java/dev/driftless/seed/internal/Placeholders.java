package dev.driftless.seed.internal;

import dev.driftless.seed.Ref;
import dev.driftless.seed.Replacements;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Placeholders} interprets the {@code $} values of fixture files, with one clock reading per load:
 * <ul>
 *   <li>{@code $ref:alias} and {@code $ref:alias.column} — a {@link Ref};</li>
 *   <li>{@code $now}, {@code $now-1d}, {@code $now+2h} — a timestamp with time zone (UTC), shifted by a number of
 *       {@code s}econds, {@code m}inutes, {@code h}ours, {@code d}ays or {@code w}eeks;</li>
 *   <li>{@code $today}, {@code $today+7d} — a date in the clock's zone, shifted by days or weeks;</li>
 *   <li>{@code $$text} — the literal text {@code $text}.</li>
 * </ul>
 * and Database Rider's replacements ({@code [null]}, {@code [DAY,NOW]}, {@code [INCLUDE]path}, ...), through
 * {@link Replacements}, which refuses scripts and unknown replacements. Any other text is a literal, even when it starts
 * with {@code $}.
 */
public final class Placeholders {

    private static final String REF = "$ref:";
    private static final Pattern TIME = Pattern.compile("\\$(now|today)(?:([+-])(\\d+)([smhdw]))?");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    private final Instant now;
    private final ZoneId zone;
    private final Map<String, Ref> refs = new HashMap<>();
    private final Replacements replacements;

    /**
     * Creates placeholders that evaluate to one instant.
     *
     * @param now the instant {@code $now} stands for
     * @param zone the zone in which {@code $today} is taken
     */
    public Placeholders(Instant now, ZoneId zone) {
        this.now = now.truncatedTo(ChronoUnit.MICROS);
        this.zone = zone;
        this.replacements = Replacements.at(now, zone);
    }

    /**
     * Interprets a value: placeholders in strings become their values, anything else is returned unchanged.
     *
     * @param value a fixture value
     * @return a {@link Ref}, the text of a time placeholder or replacement, {@code null} for {@code [null]}, or the
     *     value itself
     * @throws IllegalArgumentException for a malformed {@code $ref:} or time placeholder, a script or an unknown
     *     replacement, with the reason
     */
    public Object interpret(Object value) {
        if (!(value instanceof String)) {
            return value;
        }
        String text = (String) value;
        if (text.isEmpty() || text.charAt(0) != '$') {
            return Replacements.mayReplace(text) ? replacements.apply(text) : text;
        }
        if (text.startsWith("$$")) {
            return text.substring(1);
        }
        if (text.startsWith(REF)) {
            String target = text.substring(REF.length());
            int dot = target.indexOf('.');
            if (target.isBlank() || dot == 0 || dot == target.length() - 1) {
                throw new IllegalArgumentException("\"" + text + "\" is not a reference; write $ref:alias or"
                        + " $ref:alias.column");
            }
            return refs.computeIfAbsent(text, t -> dot < 0 ? Ref.to(target)
                    : Ref.to(target.substring(0, dot), target.substring(dot + 1)));
        }
        Matcher m = TIME.matcher(text);
        if (m.matches()) {
            long amount = m.group(2) == null ? 0 : Long.parseLong(m.group(3)) * ("-".equals(m.group(2)) ? -1 : 1);
            String unit = m.group(4);
            if ("now".equals(m.group(1))) {
                Duration shift = unit == null ? Duration.ZERO : duration(amount, unit);
                return TIMESTAMP.format(now.plus(shift).atOffset(ZoneOffset.UTC));
            }
            if (unit != null && !unit.equals("d") && !unit.equals("w")) {
                throw new IllegalArgumentException("\"" + text + "\": $today moves by days (d) or weeks (w) only");
            }
            LocalDate today = LocalDate.ofInstant(now, zone);
            return today.plusDays(unit == null ? 0 : "w".equals(unit) ? amount * 7 : amount).toString();
        }
        if (text.startsWith("$now") || text.startsWith("$today")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time placeholder; write e.g. $now, $now-1d,"
                    + " $now+2h or $today+7d (units s, m, h, d, w), or $$ for a literal $");
        }
        return text;
    }

    private static Duration duration(long amount, String unit) {
        switch (unit) {
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return Duration.ofDays(7 * amount);
        }
    }
}
