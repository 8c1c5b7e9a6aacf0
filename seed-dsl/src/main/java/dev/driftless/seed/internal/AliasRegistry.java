package dev.driftless.seed.internal;

import dev.driftless.seed.SeededRow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code AliasRegistry} remembers the aliased rows of a {@code Seeder}'s committed loads, so that later loads can
 * refer to them. Thread-safe.
 */
public final class AliasRegistry {

    /**
     * One remembered row.
     *
     * @param tableKey the table's catalog key, {@code schema.name}
     * @param row the stored row
     * @param where where the row was written, for duplicate-alias messages
     */
    public record Entry(String tableKey, SeededRow row, String where) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * @param alias an alias
     * @return the entry, or {@code null}
     */
    public synchronized Entry get(String alias) {
        return entries.get(alias);
    }

    /** @return a snapshot of every entry */
    public synchronized Map<String, Entry> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * Adds the rows of a committed load.
     *
     * @param added alias → entry
     */
    public synchronized void addAll(Map<String, Entry> added) {
        entries.putAll(added);
    }

    /** Forgets every alias, e.g. after the tables were truncated. */
    public synchronized void clear() {
        entries.clear();
    }
}
