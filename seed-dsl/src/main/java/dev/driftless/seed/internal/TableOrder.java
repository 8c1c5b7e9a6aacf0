package dev.driftless.seed.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code TableOrder} orders tables parents first: each table after the tables it refers to, and tables that refer to
 * each other (a cycle, or one table referring to itself) together in one group. The groups are the strongly connected
 * components of the "refers to" graph, found with Tarjan's algorithm, which yields them parents first.
 */
final class TableOrder {

    /**
     * {@code Group} is tables that are loaded (or exported) together.
     *
     * @param tables the tables' keys ({@code schema.name}), in the order they were given
     * @param cycle whether the tables refer to each other, or the one table to itself, so that a row may have to wait
     *     for another row of the same group
     */
    record Group(List<String> tables, boolean cycle) {
    }

    private final Map<String, Set<String>> parents;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<Group> groups = new ArrayList<>();
    private int counter;

    private TableOrder(Map<String, Set<String>> parents) {
        this.parents = parents;
    }

    /**
     * Orders tables by the foreign keys among them.
     *
     * @param tables key → table, in the order given
     * @return the groups, parents first
     */
    static List<Group> byForeignKeys(Map<String, TableInfo> tables) {
        return order(tables.keySet(), foreignKeys(tables));
    }

    /**
     * Orders the tables of a load by the foreign keys among them and by the references of their rows: a row that
     * refers to an aliased row needs that row's table first, foreign key or not.
     *
     * @param rows table key → the load's rows of that table, in load order
     * @param aliases alias → row, for this load
     * @return the groups, parents first
     */
    static List<Group> forLoad(Map<String, List<PlannedRow>> rows, Map<String, PlannedRow> aliases) {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        rows.forEach((key, tableRows) -> tables.put(key, tableRows.get(0).table));
        Map<String, Set<String>> parents = foreignKeys(tables);
        for (Map.Entry<String, List<PlannedRow>> e : rows.entrySet()) {
            // The planner hands equal references of one table the same RefTarget: each is looked up once.
            Set<RefTarget> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PlannedRow row : e.getValue()) {
                for (Object value : row.values) {
                    if (value instanceof RefTarget ref && seen.add(ref)) {
                        PlannedRow target = aliases.get(ref.alias());
                        if (target != null) {
                            parents.get(e.getKey()).add(target.table.key());
                        }
                    }
                }
            }
        }
        return order(tables.keySet(), parents);
    }

    private static Map<String, Set<String>> foreignKeys(Map<String, TableInfo> tables) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (Map.Entry<String, TableInfo> e : tables.entrySet()) {
            Set<String> referenced = new LinkedHashSet<>();
            for (ConstraintInfo fk : e.getValue().foreignKeys()) {
                if (tables.containsKey(fk.refTable())) {
                    referenced.add(fk.refTable());
                }
            }
            parents.put(e.getKey(), referenced);
        }
        return parents;
    }

    private static List<Group> order(Collection<String> tables, Map<String, Set<String>> parents) {
        TableOrder order = new TableOrder(parents);
        for (String table : tables) {
            if (!order.index.containsKey(table)) {
                order.visit(table);
            }
        }
        return order.groups;
    }

    private void visit(String node) {
        index.put(node, counter);
        low.put(node, counter++);
        stack.push(node);
        onStack.add(node);
        for (String next : parents.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(0, member);
            } while (!member.equals(node));
            boolean cycle = component.size() > 1 || parents.getOrDefault(node, Set.of()).contains(node);
            groups.add(new Group(List.copyOf(component), cycle));
        }
    }
}
