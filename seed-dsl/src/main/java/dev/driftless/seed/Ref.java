package dev.driftless.seed;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Ref} is a reference to another fixture row by its alias, used as a column value in place of a hard-coded
 * key. In files it is written {@code $ref:alias} or {@code $ref:alias.column}.
 *
 * <p>Without a column, the reference resolves to the column that the foreign key on the referring column points at
 * (for a composite foreign key, each of its columns gets its part of the referenced key); on a column without a
 * foreign key, to the referenced row's single-column primary key. With a column, it resolves to that column of the
 * referenced row, whatever generated it (a sequence, a {@code DEFAULT gen_random_uuid()}, a trigger).
 *
 * <p>Immutable.
 */
public final class Ref {

    private final String alias;
    private final String column;

    private Ref(String alias, String column) {
        this.alias = requireName(alias, "alias");
        this.column = column == null ? null : requireName(column, "column");
    }

    /**
     * Returns a reference to the row with an alias, resolved to the key its foreign key points at.
     *
     * @param alias the row's alias
     * @return the reference, never {@code null}
     */
    public static Ref to(String alias) {
        return new Ref(alias, null);
    }

    /**
     * Returns a reference to one column of the row with an alias.
     *
     * @param alias the row's alias
     * @param column the column whose value is used
     * @return the reference, never {@code null}
     */
    public static Ref to(String alias, String column) {
        return new Ref(alias, Objects.requireNonNull(column, "column"));
    }

    /** @return the alias of the referenced row, never {@code null} */
    public String alias() {
        return alias;
    }

    /** @return the referenced column when one was named */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A reference needs a non-blank " + what);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ref && ((Ref) o).alias.equals(alias) && Objects.equals(((Ref) o).column, column);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alias, column);
    }

    /** @return the reference as written in fixture files, e.g. {@code $ref:alice} or {@code $ref:alice.party_id} */
    @Override
    public String toString() {
        return "$ref:" + alias + (column == null ? "" : "." + column);
    }
}
