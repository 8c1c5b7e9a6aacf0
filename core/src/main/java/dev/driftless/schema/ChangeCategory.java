package dev.driftless.schema;

import java.util.Locale;

/**
 * {@code ChangeCategory} tells how much a {@link Change} matters, so callers can weigh it. Declared from the most to the
 * least important; renderers list changes in this order.
 */
public enum ChangeCategory {
    /** Objects added or removed, and changes to types, keys, nullability, defaults and other structure. */
    STRUCTURE,
    /** Changes to code: function bodies, view queries, trigger definitions. */
    CODE,
    /** The same columns in a different order; many correct down migrations re-add a column at the end. */
    COLUMN_ORDER,
    /** A different version of the same extension. */
    EXTENSION_VERSION,
    /**
     * Function bodies that differ only in whitespace. Reported only with
     * {@link DiffOptions#comparingFunctionBodiesExactly()}; equal by default.
     */
    WHITESPACE,
    /** Comments ({@code COMMENT ON}). */
    COMMENT,
    /** Owners and privileges. Reported only with {@link DiffOptions#comparingOwnersAndPrivileges()}. */
    OWNERSHIP;

    /** @return the category as people write it, e.g. {@code column order} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
