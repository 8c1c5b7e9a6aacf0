package dev.driftless.junit;

/**
 * {@code Isolation} says how the tests of a {@link MigratedDatabase} class share databases.
 */
public enum Isolation {

    /** Every test (every invocation of a repeated or parameterized test) gets its own copy of the template. */
    PER_METHOD,

    /**
     * One copy of the template serves every test of the class, in whatever order they run; a {@code @Nested} class gets
     * its own copy. Rows a test writes are visible to the tests after it.
     */
    PER_CLASS
}
