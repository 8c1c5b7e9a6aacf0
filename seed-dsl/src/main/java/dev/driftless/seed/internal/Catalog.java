package dev.driftless.seed.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Catalog} is the set of user tables of one database, looked up by the names fixtures use. */
public final class Catalog {

    private final Map<String, TableInfo> tables;

    Catalog(Map<String, TableInfo> tables) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /**
     * Finds a table by the name a fixture uses: {@code name} (found through the search path) or {@code schema.name}.
     *
     * @param written the name as written
     * @return the table, or {@code null}
     */
    public TableInfo find(String written) {
        TableInfo qualified = tables.get(written);
        if (qualified != null) {
            return qualified;
        }
        for (TableInfo table : tables.values()) {
            if (table.displayName().equals(written)) {
                return table;
            }
        }
        return null;
    }

    /**
     * @param key a table key, {@code schema.name}
     * @return the table, or {@code null}
     */
    public TableInfo byKey(String key) {
        return tables.get(key);
    }

    /** @return every table */
    public java.util.Collection<TableInfo> tables() {
        return tables.values();
    }

    /** @return every table's display name, for suggestions */
    public List<String> displayNames() {
        List<String> names = new ArrayList<>();
        tables.values().forEach(t -> names.add(t.displayName()));
        return names;
    }
}
