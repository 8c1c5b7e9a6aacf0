package dev.driftless.assertions.internal;

import dev.driftless.schema.Column;
import dev.driftless.schema.Constraint;
import dev.driftless.schema.ConstraintType;
import dev.driftless.schema.Index;
import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code SchemaRules} evaluates the rules of {@code SchemaAssert} over every table and returns every offender, one
 * readable line each, so that a failure lists them all.
 */
public final class SchemaRules {

    private SchemaRules() {
    }

    /**
     * @param tables the tables
     * @return the tables (partitions aside, whose key lives on the parent) without a primary key
     */
    public static List<String> tablesWithoutPrimaryKey(List<Table> tables) {
        return tables.stream().filter(t -> t.partitionOf() == null && t.primaryKey().isEmpty())
                .map(t -> Names.display(t.schema(), t.name())).toList();
    }

    /**
     * @param tables the tables
     * @return the foreign keys without an index whose leading keys are the foreign key's columns (in any order)
     */
    public static List<String> foreignKeysWithoutIndex(List<Table> tables) {
        List<String> offenders = new ArrayList<>();
        for (Table table : tables) {
            for (Constraint fk : table.constraints()) {
                if (fk.type() != ConstraintType.FOREIGN_KEY) {
                    continue;
                }
                Set<String> columns = new HashSet<>(fk.columns());
                boolean covered = table.indexes().stream().filter(i -> i.predicate() == null)
                        .anyMatch(i -> i.keys().size() >= columns.size()
                                && new HashSet<>(keyColumns(i).subList(0, columns.size())).equals(columns));
                if (!covered) {
                    offenders.add(Names.display(table.schema(), table.name()) + " (" + String.join(", ", fk.columns())
                            + ") → " + shortName(fk.foreignKey().referencedTable()) + " ("
                            + String.join(", ", fk.foreignKey().referencedColumns()) + "), constraint " + fk.name());
                }
            }
        }
        return offenders;
    }

    /**
     * @param tables the tables
     * @return the indexes made redundant by another index of the same table
     */
    public static List<String> redundantIndexes(List<Table> tables) {
        List<String> offenders = new ArrayList<>();
        for (Table table : tables) {
            for (Index index : table.indexes()) {
                for (Index other : table.indexes()) {
                    if (other != index && covers(other, index)) {
                        offenders.add(Names.display(table.schema(), table.name()) + "." + index.name() + " ("
                                + String.join(", ", index.keys()) + ") is covered by " + other.name() + " ("
                                + String.join(", ", other.keys()) + ")");
                        break;
                    }
                }
            }
        }
        return offenders;
    }

    private static boolean covers(Index wide, Index narrow) {
        if (!wide.method().equals(narrow.method()) || !Objects.equals(wide.predicate(), narrow.predicate())
                || !narrow.include().isEmpty() || narrow.keys().size() > wide.keys().size()
                || !wide.keys().subList(0, narrow.keys().size()).equals(narrow.keys())) {
            return false;
        }
        boolean identical = wide.keys().equals(narrow.keys()) && wide.unique() == narrow.unique()
                && wide.include().isEmpty();
        if (identical) {
            // Of two identical indexes only one is redundant: keep the one backing a constraint, else the first name.
            if (narrow.constraint() != null) {
                return false;
            }
            return wide.constraint() != null || wide.name().compareTo(narrow.name()) < 0;
        }
        return !narrow.unique() && narrow.constraint() == null;
    }

    private static List<String> keyColumns(Index index) {
        return index.keys().stream().map(k -> k.split(" ")[0]).toList();
    }

    /**
     * @param tables the tables
     * @param regex the whole-name pattern
     * @return the matching columns by label ({@code rate_card_item.price_cents}), in table and column order
     */
    public static Map<String, Column> columnsNamed(List<Table> tables, String regex) {
        Pattern pattern = Pattern.compile(regex);
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Table table : tables) {
            table.columns().stream().filter(c -> pattern.matcher(c.name()).matches())
                    .forEach(c -> columns.put(Names.display(table.schema(), table.name()) + "." + c.name(), c));
        }
        return columns;
    }

    /**
     * @param schema the snapshot
     * @param tables the tables taken into account
     * @param kinds the kinds whose names are wanted
     * @return object label → bare name, e.g. {@code index booking.booking_pkey} → {@code booking_pkey}
     */
    public static List<String[]> names(SchemaSnapshot schema, List<Table> tables, Set<ObjectKind> kinds) {
        List<String[]> names = new ArrayList<>();
        for (Table t : tables) {
            String table = Names.display(t.schema(), t.name());
            add(names, kinds, ObjectKind.TABLE, "table " + table, t.name());
            t.columns().forEach(c -> add(names, kinds, ObjectKind.COLUMN, "column " + table + "." + c.name(), c.name()));
            t.constraints().forEach(c -> add(names, kinds, ObjectKind.CONSTRAINT,
                    c.type().label() + " " + table + "." + c.name(), c.name()));
            t.indexes().forEach(i -> add(names, kinds, ObjectKind.INDEX, "index " + table + "." + i.name(), i.name()));
            t.triggers().forEach(r -> add(names, kinds, ObjectKind.TRIGGER, "trigger " + table + "." + r.name(),
                    r.name()));
            t.policies().forEach(p -> add(names, kinds, ObjectKind.POLICY, "policy " + table + "." + p.name(),
                    p.name()));
        }
        schema.views().forEach(v -> add(names, kinds, v.id().kind(), v.id().kind().label() + " "
                + Names.display(v.schema(), v.name()), v.name()));
        schema.sequences().forEach(s -> add(names, kinds, ObjectKind.SEQUENCE, "sequence "
                + Names.display(s.schema(), s.name()), s.name()));
        schema.functions().forEach(f -> add(names, kinds, f.id().kind(), f.id().kind().label() + " "
                + Names.display(f.schema(), f.signature()), f.name()));
        schema.enums().forEach(e -> add(names, kinds, ObjectKind.ENUM, "enum " + Names.display(e.schema(), e.name()),
                e.name()));
        schema.domains().forEach(d -> add(names, kinds, ObjectKind.DOMAIN, "domain "
                + Names.display(d.schema(), d.name()), d.name()));
        schema.compositeTypes().forEach(c -> add(names, kinds, ObjectKind.COMPOSITE_TYPE, "composite type "
                + Names.display(c.schema(), c.name()), c.name()));
        schema.schemas().forEach(s -> add(names, kinds, ObjectKind.SCHEMA, "schema " + s.name(), s.name()));
        schema.extensions().forEach(e -> add(names, kinds, ObjectKind.EXTENSION, "extension " + e.name(), e.name()));
        return names;
    }

    private static void add(List<String[]> names, Set<ObjectKind> kinds, ObjectKind kind, String label, String name) {
        if (kinds.contains(kind)) {
            names.add(new String[] {label, name});
        }
    }

    private static String shortName(String qualified) {
        return qualified.startsWith("public.") ? qualified.substring("public.".length()) : qualified;
    }
}
