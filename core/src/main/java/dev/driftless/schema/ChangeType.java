package dev.driftless.schema;

/** {@code ChangeType} says whether a {@link Change} adds, removes or alters an object. */
public enum ChangeType {
    /** The object exists only in the second ("to") snapshot. */
    ADDED,
    /** The object exists only in the first ("from") snapshot. */
    REMOVED,
    /** The object exists in both, and one property differs. */
    CHANGED
}
