package dev.driftless.seed.internal;

/**
 * {@code Origin} says where a fixture row was written: a file (and line, when the format has lines) or Java code.
 *
 * @param source the file name or the Java call site, e.g. {@code fixtures/studio.yml} or {@code BookingTest.java:42}
 * @param line the 1-based line of the row in the file, or 0 when unknown
 */
public record Origin(String source, int line) {

    /** @return {@code source:line}, or {@code source} when the line is unknown */
    public String describe() {
        return line > 0 ? source + ":" + line : source;
    }
}
