package dev.driftless.assertions;

import java.util.regex.Pattern;

/**
 * {@code ValueMatcher} matches a column value that a test cannot know exactly (generated keys, timestamps, UUIDs):
 * {@link DriftlessAssertions#anyValue()}, {@link DriftlessAssertions#notNullValue()},
 * {@link DriftlessAssertions#matching(String)}. In fixture files the same are written {@code $any}, {@code $notNull}
 * and {@code $regex:<pattern>} ({@code $$} starts a literal {@code $}).
 */
public interface ValueMatcher {

    /**
     * Tells whether a value matches.
     *
     * @param text the value as PostgreSQL prints it, or {@code null} for SQL {@code NULL}
     * @return {@code true} when it matches
     */
    boolean matches(String text);

    /** @return how the matcher reads in messages, e.g. {@code $regex:[0-9a-f-]{36}} */
    String describe();

    /**
     * Makes a matcher from a regular expression matched against the whole value.
     *
     * @param regex the pattern
     * @return the matcher; {@code NULL} never matches
     */
    static ValueMatcher regex(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new ValueMatcher() {
            @Override
            public boolean matches(String text) {
                return text != null && pattern.matcher(text).matches();
            }

            @Override
            public String describe() {
                return "$regex:" + regex;
            }
        };
    }
}
