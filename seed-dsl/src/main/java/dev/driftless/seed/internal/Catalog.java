package dev.driftless.seed.internal;

import dev.driftless.seed.NameResolver;
import dev.driftless.seed.SeedException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Catalog} is the set of user tables of one database, looked up by the names fixtures use. */
public final class Catalog {

    private final Map<String, TableInfo> tables;
    private final NameResolver<TableInfo> names;

    Catalog(Map<String, TableInfo> tables) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        Map<String, TableInfo> byName = new LinkedHashMap<>();
        tables.values().forEach(t -> byName.putIfAbsent(t.displayName(), t));
        byName.putAll(this.tables);
        this.names = NameResolver.of("table", byName, displayNames());
    }

    /**
     * Finds a table by the name a fixture uses: {@code name} (found through the search path) or {@code schema.name},
     * resolved as {@link NameResolver} resolves names ({@code USER} finds {@code user}).
     *
     * @param written the name as written
     * @return the table, or {@code null}
     * @throws SeedException when the name matches several tables only by case
     */
    public TableInfo find(String written) {
        return names.find(written).orElse(null);
    }

    /**
     * Finds tables by the names users write, and describes each name that no table has.
     *
     * @param written the names as written
     * @param problems receives {@link #unknownTable(String)} for each name no table has
     * @return key → table for the names found, in the order given
     */
    public Map<String, TableInfo> findAll(Collection<String> written, List<String> problems) {
        Map<String, TableInfo> found = new LinkedHashMap<>();
        for (String name : written) {
            TableInfo table;
            try {
                table = find(name);
            } catch (SeedException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (table == null) {
                problems.add(unknownTable(name));
            } else {
                found.put(table.key(), table);
            }
        }
        return found;
    }

    /**
     * @param written a name no table has
     * @return {@code unknown table "x"; did you mean "y"?}, the closest name suggested when there is one
     */
    public String unknownTable(String written) {
        return "unknown table \"" + written + "\"" + names.didYouMean(written);
    }

    /**
     * @param key a table key, {@code schema.name}
     * @return the table, or {@code null}
     */
    public TableInfo byKey(String key) {
        return tables.get(key);
    }

    /** @return every table */
    public Collection<TableInfo> tables() {
        return tables.values();
    }

    /** @return every table's display name, for suggestions */
    public List<String> displayNames() {
        List<String> names = new ArrayList<>();
        tables.values().forEach(t -> names.add(t.displayName()));
        return names;
    }
}
