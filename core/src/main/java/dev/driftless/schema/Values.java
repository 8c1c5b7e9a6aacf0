package dev.driftless.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Helpers for the compact constructors of the model records: immutable, null-free lists. */
final class Values {

    private Values() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
        if (values == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values);
        copy.sort(order);
        return List.copyOf(copy);
    }

    static List<String> sortedStrings(List<String> values) {
        return sorted(values, Comparator.naturalOrder());
    }

    /** Returns an unmodifiable copy sorted by key (so it prints and serialises in one order); empty for null. */
    static <V> SortedMap<String, V> sortedMap(Map<String, V> values) {
        return values == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    static <T> T required(T value, String what) {
        return Objects.requireNonNull(value, () -> what + " is required");
    }
}
