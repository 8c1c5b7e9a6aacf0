package dev.driftless.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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

    static <T> T required(T value, String what) {
        return Objects.requireNonNull(value, () -> what + " is required");
    }
}
