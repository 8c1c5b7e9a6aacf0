package dev.driftless.internal.schema;

import dev.driftless.schema.ChangeCategory;

/**
 * {@code Property} is one comparable property of a catalog object, as text.
 *
 * @param name the name people read ({@code type}, {@code not null})
 * @param value the value as text, or {@code null}
 * @param category the category of a change to it
 * @param comparison how values are compared
 */
public record Property(String name, String value, ChangeCategory category, Comparison comparison) {

    /** How two values of a property are compared. */
    public enum Comparison {
        /** Equal text. */
        EXACT,
        /** Equal text after collapsing runs of whitespace; a whitespace-only difference is a WHITESPACE change. */
        CODE_BODY,
        /** Compared only when no other property of the object differs (a catch-all definition). */
        FALLBACK
    }

    static Property of(String name, Object value, ChangeCategory category) {
        return new Property(name, value == null ? null : value.toString(), category, Comparison.EXACT);
    }
}
