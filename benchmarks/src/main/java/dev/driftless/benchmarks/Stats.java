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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "median %.2f ms, p10 %.2f ms, p90 %.2f ms, n=%d", median(), percentile(10),
                percentile(90), sortedMillis.length);
    }
}
