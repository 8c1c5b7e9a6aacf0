package dev.driftless.internal.migration;

import dev.driftless.resource.Listing;
import dev.driftless.migration.Layout;

/** {@code LayoutReader} recognises the scripts of one {@link Layout} in a {@link Listing}. */
interface LayoutReader {

    /**
     * Records in {@code discovery} every script of this layout, the files used, and the problems found.
     *
     * @param discovery where to record
     */
    void read(Discovery discovery);

    /**
     * Turns a name part into a description: underscores become spaces, as Flyway does.
     *
     * @param raw e.g. {@code add_orders}
     * @return e.g. {@code add orders}
     */
    static String describe(String raw) {
        return raw.replace('_', ' ').trim();
    }
}
