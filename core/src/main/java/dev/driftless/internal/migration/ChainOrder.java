package dev.driftless.internal.migration;

import dev.driftless.migration.MigrationVersion;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ChainOrder} compares versions in the order a chain runs them, which is its tool's (numeric for Flyway, the
 * text for diesel and pop, the {@code parents:} graph for sourcegraph, the plan for sqitch). A version the chain does
 * not have (one a history table records from a deleted file) goes right before the first migration of the chain that
 * the tool's base comparison puts after it, so the order stays total and, for layouts whose order is their base
 * comparison, is exactly that comparison. Immutable.
 */
public final class ChainOrder implements Comparator<MigrationVersion> {

    private final List<MigrationVersion> versions;
    private final Comparator<MigrationVersion> base;
    private final Map<MigrationVersion, Integer> positions = new HashMap<>();

    /**
     * @param versions the chain's versions in the order it runs them
     * @param base how the tool compares two versions, for versions the chain does not have
     */
    public ChainOrder(List<MigrationVersion> versions, Comparator<MigrationVersion> base) {
        this.versions = List.copyOf(versions);
        this.base = base;
        for (int i = 0; i < this.versions.size(); i++) {
            positions.putIfAbsent(this.versions.get(i), i);
        }
    }

    @Override
    public int compare(MigrationVersion a, MigrationVersion b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(MigrationVersion.EMPTY) || b.equals(MigrationVersion.EMPTY)) {
            return a.equals(MigrationVersion.EMPTY) ? -1 : 1;
        }
        Integer pa = positions.get(a);
        Integer pb = positions.get(b);
        if (pa != null && pb != null) {
            return Integer.compare(pa, pb);
        }
        // a version the chain does not have sits in the slot before the first chain version above it
        int slotA = pa != null ? pa : slot(a);
        int slotB = pb != null ? pb : slot(b);
        if (slotA != slotB) {
            return Integer.compare(slotA, slotB);
        }
        if (pa != null || pb != null) {
            return pa != null ? 1 : -1; // the missing version comes before the chain version of its slot
        }
        return base.compare(a, b);
    }

    private int slot(MigrationVersion missing) {
        for (int i = 0; i < versions.size(); i++) {
            if (base.compare(versions.get(i), missing) > 0) {
                return i;
            }
        }
        return versions.size();
    }
}
