package dev.driftless.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summary statistics of a series of timings, in milliseconds.
 */
final class Stats {

    private final double[] sortedMillis;

    private Stats(double[] sortedMillis) {
        this.sortedMillis = sortedMillis;
    }

    /**
     * @param nanos one timing per iteration
     * @return the statistics
     */
    static Stats ofNanos(long[] nanos) {
        double[] millis = Arrays.stream(nanos).mapToDouble(n -> n / 1_000_000.0).sorted().toArray();
        return new Stats(millis);
    }

    double mean() {
        return Arrays.stream(sortedMillis).average().orElse(Double.NaN);
    }

    double max() {
        return sortedMillis[sortedMillis.length - 1];
    }

    double median() {
        return percentile(50);
    }

    double percentile(int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
        return sortedMillis[Math.max(0, Math.min(index, sortedMillis.length - 1))];
    }

    /**
     * @param decimals the decimals of each figure
     * @return e.g. {@code mean 185 ms, p50 174 ms, p90 218 ms, max 232 ms, n=10}
     */
    String spread(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, "mean " + f + " ms, p50 " + f + " ms, p90 " + f + " ms, max " + f + " ms, n=%d",
                mean(), median(), percentile(90), max(), sortedMillis.length);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "median %.2f ms, p10 %.2f ms, p90 %.2f ms, n=%d", median(), percentile(10),
                percentile(90), sortedMillis.length);
    }
}
