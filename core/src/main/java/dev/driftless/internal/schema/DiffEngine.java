package dev.driftless.internal.schema;

import dev.driftless.schema.Change;
import dev.driftless.schema.ChangeCategory;
import dev.driftless.schema.ChangeType;
import dev.driftless.schema.Column;
import dev.driftless.schema.Constraint;
import dev.driftless.schema.ConstraintType;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.Equivalence;
import dev.driftless.schema.ForeignTable;
import dev.driftless.schema.Index;
import dev.driftless.schema.ObjectId;
import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.Routine;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Sequence;
import dev.driftless.schema.Table;
import dev.driftless.schema.View;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code DiffEngine} compares two snapshots: it matches objects by identity (or, for constraints and indexes when
 * asked, by definition), then compares their {@link ObjectProperties}, applying the {@link DiffOptions}. The result is
 * sorted by object (grouped by table), and within an object in property order.
 */
public final class DiffEngine {

    private static final Set<String> SERIAL_PROPERTIES = Set.of("default", "identity", "identity sequence");
    /** A default that takes the next value of a sequence, as PostgreSQL prints it: {@code nextval('s'::regclass)}. */
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

    private final DiffOptions options;
    private final List<Change> changes = new ArrayList<>();
    /** With {@link Equivalence#IDENTITY_IS_SERIAL}: the columns whose identity equals a serial default. */
    private final Set<ObjectId> serialColumns = new HashSet<>();
    /** The sequences owned by those serial columns, compared as part of the column. */
    private final Set<Sequence> serialSequences = Collections.newSetFromMap(new IdentityHashMap<>());
    private SchemaSnapshot fromSnapshot;
    private SchemaSnapshot toSnapshot;

    private DiffEngine(DiffOptions options) {
        this.options = options;
    }

    /**
     * Compares two snapshots.
     *
     * @param from the first ("old", "expected") snapshot
     * @param to the second ("new", "actual") snapshot
     * @param options the normalisations
     * @return the changes, sorted
     */
    public static List<Change> diff(SchemaSnapshot from, SchemaSnapshot to, DiffOptions options) {
        DiffEngine engine = new DiffEngine(options);
        engine.compareAll(from, to);
        List<Change> sorted = new ArrayList<>(engine.changes);
        sorted.sort(Comparator.comparing(Change::object)); // stable: property order kept within an object
        return List.copyOf(sorted);
    }

    private void compareAll(SchemaSnapshot from, SchemaSnapshot to) {
        fromSnapshot = from;
        toSnapshot = to;
        if (options.treatsAsEqual(Equivalence.IDENTITY_IS_SERIAL)) {
            pairIdentitiesWithSerials(from, to);
            pairIdentitiesWithSerials(to, from);
        }
        compare(from.schemas(), to.schemas(), s -> s.id(), (a, b) -> { });
        compare(from.extensions(), to.extensions(), e -> e.id(), (a, b) -> { });
        compare(keptTables(from), keptTables(to), Table::id, this::compareTableParts);
        compare(from.views(), to.views(), v -> v.id(), this::compareViewParts);
        compare(keptSequences(from), keptSequences(to), Sequence::id, (a, b) -> { });
        compare(from.functions(), to.functions(), f -> f.id(), (a, b) -> { });
        compare(from.enums(), to.enums(), e -> e.id(), (a, b) -> { });
        compare(from.domains(), to.domains(), d -> d.id(), (a, b) -> { });
        compare(from.compositeTypes(), to.compositeTypes(), c -> c.id(), (a, b) -> { });
        compare(from.collations(), to.collations(), c -> c.id(), (a, b) -> { });
        compare(from.defaultPrivileges(), to.defaultPrivileges(), d -> d.id(), (a, b) -> { });
        compare(from.textSearchConfigurations(), to.textSearchConfigurations(), c -> c.id(), (a, b) -> { });
        compare(from.textSearchDictionaries(), to.textSearchDictionaries(), d -> d.id(), (a, b) -> { });
        compare(from.textSearchParsers(), to.textSearchParsers(), p -> p.id(), (a, b) -> { });
        compare(from.textSearchTemplates(), to.textSearchTemplates(), t -> t.id(), (a, b) -> { });
        compare(from.publications(), to.publications(), p -> p.id(), (a, b) -> { });
        compare(from.eventTriggers(), to.eventTriggers(), e -> e.id(), (a, b) -> { });
        compare(from.foreignDataWrappers(), to.foreignDataWrappers(), w -> w.id(), (a, b) -> { });
        compare(from.foreignServers(), to.foreignServers(), s -> s.id(), (a, b) -> { });
        compare(from.userMappings(), to.userMappings(), m -> m.id(), (a, b) -> { });
        compare(from.foreignTables(), to.foreignTables(), t -> t.id(), this::compareForeignTableColumns);
        compare(from.rangeTypes(), to.rangeTypes(), r -> r.id(), (a, b) -> { });
        compare(from.baseTypes(), to.baseTypes(), t -> t.id(), (a, b) -> { });
        compare(from.casts(), to.casts(), c -> c.id(), (a, b) -> { });
        compare(from.operators(), to.operators(), o -> o.id(), (a, b) -> { });
        compare(from.operatorClasses(), to.operatorClasses(), c -> c.id(), (a, b) -> { });
        compare(from.operatorFamilies(), to.operatorFamilies(), f -> f.id(), (a, b) -> { });
        compare(from.conversions(), to.conversions(), c -> c.id(), (a, b) -> { });
        compare(from.accessMethods(), to.accessMethods(), m -> m.id(), (a, b) -> { });
        compare(from.transforms(), to.transforms(), t -> t.id(), (a, b) -> { });
    }

    private List<Table> keptTables(SchemaSnapshot snapshot) {
        return snapshot.tables().stream().filter(t -> !options.ignoresTable(t)).toList();
    }

    private List<Sequence> keptSequences(SchemaSnapshot snapshot) {
        Set<String> ignored = new HashSet<>();
        snapshot.tables().stream().filter(options::ignoresTable).forEach(t -> ignored.add(t.schema() + "." + t.name()));
        return snapshot.sequences().stream()
                .filter(s -> !ownedByIgnoredTable(s, ignored) && !serialSequences.contains(s)).toList();
    }

    /**
     * With {@link Equivalence#IDENTITY_IS_SERIAL}: finds the {@code BY DEFAULT} identity columns of one snapshot
     * whose column in the other takes its default from a sequence it owns ({@code serial}, or {@code OWNED BY}), with
     * the same name, data type and options as the identity's sequence.
     */
    private void pairIdentitiesWithSerials(SchemaSnapshot identities, SchemaSnapshot serials) {
        Map<ObjectId, Table> serialTables = new HashMap<>();
        keptTables(serials).forEach(t -> serialTables.put(t.id(), t));
        for (Table table : keptTables(identities)) {
            Table other = serialTables.get(table.id());
            if (other == null) {
                continue;
            }
            for (Column identity : table.columns()) {
                if (!"BY DEFAULT".equals(identity.identity()) || identity.defaultValue() != null) {
                    continue;
                }
                other.columns().stream().filter(c -> c.name().equals(identity.name())).findFirst()
                        .flatMap(serial -> ownedSequence(other, serial, identity, serials)).ifPresent(sequence -> {
                            serialColumns.add(part(ObjectKind.COLUMN, table, identity.name()));
                            serialSequences.add(sequence);
                        });
            }
        }
    }

    /**
     * Returns the sequence a column's default takes its next value from, when the column owns it and it is what the
     * identity column's sequence is: same name, the column's data type, same start, increment, bounds, cache and
     * cycle.
     */
    private static Optional<Sequence> ownedSequence(Table table, Column serial, Column identity,
            SchemaSnapshot snapshot) {
        Matcher nextval = serial.identity() == null && serial.defaultValue() != null
                ? NEXTVAL.matcher(serial.defaultValue()) : null;
        if (nextval == null || !nextval.matches() || !serial.type().equals(identity.type())) {
            return Optional.empty();
        }
        String name = nextval.group(1).replace("''", "'"); // printed as the identity's sequence is: quote_ident
        return snapshot.sequence(name).filter(s -> s.ownedBy() != null
                && s.ownedBy().equals(table.schema() + "." + table.name() + "." + serial.name())
                && s.dataType().equals(serial.type())
                && (name + " start " + s.start() + " increment " + s.increment() + " min " + s.minValue() + " max "
                        + s.maxValue() + " cache " + s.cache() + (s.cycle() ? " cycle" : " no cycle"))
                        .equals(identity.identitySequence()));
    }

    /** A sequence owned by a left-out table ({@code ownedBy} is {@code schema.table.column}) is left out with it. */
    private boolean ownedByIgnoredTable(Sequence sequence, Set<String> ignoredTables) {
        if (sequence.ownedBy() == null) {
            return false;
        }
        String[] parts = sequence.ownedBy().split("\\.");
        return parts.length == 3 && (ignoredTables.contains(parts[0] + "." + parts[1])
                || options.ignoresTable(parts[0], parts[1]));
    }

    /** Compares the matched objects of one kind and reports the unmatched ones. */
    private <T> void compare(List<T> from, List<T> to, Function<T, ObjectId> id, Matched<T> parts) {
        Map<ObjectId, T> remaining = new LinkedHashMap<>();
        to.forEach(o -> remaining.put(id.apply(o), o));
        for (T old : from) {
            ObjectId key = id.apply(old);
            T current = remaining.remove(key);
            if (current == null) {
                removed(key, old);
            } else {
                compareProperties(key, old, current);
                parts.compare(old, current);
            }
        }
        remaining.forEach(this::added);
    }

    @FunctionalInterface
    private interface Matched<T> {
        void compare(T from, T to);
    }

    private void compareTableParts(Table from, Table to) {
        compare(from.columns(), to.columns(), c -> part(ObjectKind.COLUMN, from, c.name()), (a, b) -> { });
        if (options.reports(ChangeCategory.COLUMN_ORDER)) {
            compareColumnOrder(from, to);
        }
        Set<Object> paired = uniqueConstraintsPairedWithIndexes(from, to);
        List<Constraint> fromConstraints = without(from.constraints(), paired);
        List<Constraint> toConstraints = without(to.constraints(), paired);
        List<Index> fromIndexes = without(standalone(from.indexes()), paired);
        List<Index> toIndexes = without(standalone(to.indexes()), paired);
        if (options.matchByDefinition()) {
            matchByKey(from, fromConstraints, to, toConstraints, ObjectKind.CONSTRAINT, Constraint::name,
                    this::constraintKey, DiffEngine::constraintRole);
            matchByKey(from, fromIndexes, to, toIndexes, ObjectKind.INDEX, Index::name, DiffEngine::indexKey,
                    i -> String.valueOf(i.keys()));
        } else {
            compare(fromConstraints, toConstraints, c -> part(ObjectKind.CONSTRAINT, from, c.name()), (a, b) -> { });
            compare(fromIndexes, toIndexes, i -> part(ObjectKind.INDEX, from, i.name()), (a, b) -> { });
        }
        compare(from.triggers(), to.triggers(), t -> part(ObjectKind.TRIGGER, from, t.name()), (a, b) -> { });
        compare(from.policies(), to.policies(), p -> part(ObjectKind.POLICY, from, p.name()), (a, b) -> { });
        compare(from.rules(), to.rules(), r -> part(ObjectKind.RULE, from, r.name()), (a, b) -> { });
        compare(from.statistics(), to.statistics(),
                s -> part(ObjectKind.STATISTICS, from, s.nameWithin(from.schema())), (a, b) -> { });
    }

    private String constraintKey(Constraint c) {
        return c.foreignKey() == null ? c.definition() : comparable(c.definition());
    }

    /**
     * With {@link Equivalence#UNIQUE_CONSTRAINT_IS_UNIQUE_INDEX}: the {@code UNIQUE} constraints of one table and
     * the standalone unique indexes of the other that do the same, each present on one side only. They are left out
     * of the comparison.
     */
    private Set<Object> uniqueConstraintsPairedWithIndexes(Table from, Table to) {
        Set<Object> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        if (options.treatsAsEqual(Equivalence.UNIQUE_CONSTRAINT_IS_UNIQUE_INDEX)) {
            pairUniqueConstraints(from, to, paired);
            pairUniqueConstraints(to, from, paired);
        }
        return paired;
    }

    private void pairUniqueConstraints(Table one, Table other, Set<Object> paired) {
        for (Constraint c : one.constraints()) {
            if (c.type() != ConstraintType.UNIQUE || c.deferrable()
                    || other.constraints().stream().anyMatch(o -> sameConstraint(c, o))) {
                continue;
            }
            one.indexes().stream().filter(i -> c.name().equals(i.constraint())).findFirst().ifPresent(backing ->
                    standalone(other.indexes()).stream()
                            .filter(i -> !paired.contains(i) && indexKey(i).equals(indexKey(backing))
                                    && (options.matchByDefinition() || i.name().equals(c.name()))
                                    && standalone(one.indexes()).stream().noneMatch(o -> sameIndex(i, o)))
                            .findFirst().ifPresent(index -> {
                                paired.add(c);
                                paired.add(index);
                            }));
        }
    }

    /** Tells whether two constraints are matched: by name, or by definition when asked. */
    private boolean sameConstraint(Constraint a, Constraint b) {
        return a.name().equals(b.name()) || (options.matchByDefinition() && constraintKey(a).equals(constraintKey(b)));
    }

    /** Tells whether two indexes are matched: by name, or by definition when asked. */
    private boolean sameIndex(Index a, Index b) {
        return a.name().equals(b.name()) || (options.matchByDefinition() && indexKey(a).equals(indexKey(b)));
    }

    private static <T> List<T> without(List<T> objects, Set<Object> left) {
        return objects.stream().filter(o -> !left.contains(o)).toList();
    }

    private void compareViewParts(View from, View to) {
        compare(from.indexes(), to.indexes(), i -> viewPart(ObjectKind.INDEX, from, i.name()), (a, b) -> { });
        compare(from.triggers(), to.triggers(), t -> viewPart(ObjectKind.TRIGGER, from, t.name()), (a, b) -> { });
        compare(from.rules(), to.rules(), r -> viewPart(ObjectKind.RULE, from, r.name()), (a, b) -> { });
        compare(from.statistics(), to.statistics(),
                s -> viewPart(ObjectKind.STATISTICS, from, s.nameWithin(from.schema())), (a, b) -> { });
    }

    /** A foreign table's columns are compared as a table's are. */
    private void compareForeignTableColumns(ForeignTable from, ForeignTable to) {
        compare(from.columns(), to.columns(),
                c -> ObjectId.inTable(ObjectKind.COLUMN, from.schema(), from.name(), c.name()), (a, b) -> { });
    }

    private static ObjectId viewPart(ObjectKind kind, View view, String name) {
        return ObjectId.inTable(kind, view.schema(), view.name(), name);
    }

    /** Indexes that back a constraint are compared as that constraint. */
    private static List<Index> standalone(List<Index> indexes) {
        return indexes.stream().filter(i -> i.constraint() == null).toList();
    }

    private static String indexKey(Index i) {
        return i.method() + "|" + i.unique() + "|" + i.keys() + "|" + i.include() + "|" + i.predicate() + "|"
                + i.nullsNotDistinct() + "|" + i.options();
    }

    private static ObjectId part(ObjectKind kind, Table table, String name) {
        return ObjectId.inTable(kind, table.schema(), table.name(), name);
    }

    /**
     * Pairs constraints or indexes with the same key (same definition); several with one key pair up in name order.
     * Those left over then pair by role (what the object is for, whatever it does: a foreign key's columns and the
     * table and columns it references), so a foreign key whose {@code ON DELETE} changed along with its name is one
     * changed object, not one removed and one added. Objects matched either way are compared like those matched by
     * name, under their "from" name.
     */
    private <T> void matchByKey(Table fromTable, List<T> from, Table toTable, List<T> to, ObjectKind kind,
            Function<T, String> name, Function<T, String> key, Function<T, String> role) {
        Map<String, List<T>> remaining = new LinkedHashMap<>();
        to.forEach(o -> remaining.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        List<T> unmatched = new ArrayList<>();
        for (T old : from) {
            List<T> candidates = remaining.getOrDefault(key.apply(old), List.of());
            if (candidates.isEmpty()) {
                unmatched.add(old);
            } else {
                compareProperties(part(kind, fromTable, name.apply(old)), old, candidates.remove(0));
            }
        }
        List<T> left = new ArrayList<>();
        remaining.values().forEach(left::addAll);
        for (T old : unmatched) {
            String oldRole = role.apply(old);
            T current = oldRole == null ? null
                    : left.stream().filter(o -> oldRole.equals(role.apply(o))).findFirst().orElse(null);
            ObjectId id = part(kind, fromTable, name.apply(old));
            if (current == null) {
                removed(id, old);
            } else {
                left.remove(current);
                compareProperties(id, old, current);
            }
        }
        left.forEach(o -> added(part(kind, toTable, name.apply(o)), o));
    }

    /**
     * What a constraint is for, whatever its definition: the primary key (one per table), a foreign key's columns
     * and the table and columns it references, a unique constraint's columns; {@code null} for checks and
     * exclusions, which are what they check.
     */
    private static String constraintRole(Constraint c) {
        return switch (c.type()) {
            case PRIMARY_KEY -> "primary key";
            case FOREIGN_KEY -> "foreign key " + c.columns() + " " + c.foreignKey().referencedTable()
                    + c.foreignKey().referencedColumns();
            case UNIQUE -> "unique " + c.columns();
            case CHECK, EXCLUSION -> null;
        };
    }

    private void compareColumnOrder(Table from, Table to) {
        Set<String> common = from.columns().stream().map(Column::name).collect(Collectors.toCollection(TreeSet::new));
        common.retainAll(to.columns().stream().map(Column::name).toList());
        List<String> fromOrder = from.columns().stream().map(Column::name).filter(common::contains).toList();
        List<String> toOrder = to.columns().stream().map(Column::name).filter(common::contains).toList();
        if (!fromOrder.equals(toOrder)) {
            changes.add(new Change(from.id(), ChangeType.CHANGED, "column order", String.join(", ", fromOrder),
                    String.join(", ", toOrder), ChangeCategory.COLUMN_ORDER));
        }
    }

    private void compareProperties(ObjectId id, Object from, Object to) {
        List<Property> fromProperties = ObjectProperties.of(from);
        List<Property> toProperties = ObjectProperties.of(to);
        List<Change> found = new ArrayList<>();
        List<Change> fallbacks = new ArrayList<>();
        for (int i = 0; i < fromProperties.size(); i++) {
            Property a = fromProperties.get(i);
            Property b = toProperties.get(i);
            if (Objects.equals(a.value(), b.value()) || equalUnderEquivalences(id, from, to, a, b)) {
                continue;
            }
            ChangeCategory category = a.category();
            if (a.comparison() == Property.Comparison.CODE_BODY
                    && Objects.equals(collapseWhitespace(a.value()), collapseWhitespace(b.value()))) {
                category = ChangeCategory.WHITESPACE;
            }
            if (!options.reports(category)) {
                continue;
            }
            Change change = new Change(id, ChangeType.CHANGED, a.name(), a.value(), b.value(), category,
                    constraintType(from));
            (a.comparison() == Property.Comparison.FALLBACK ? fallbacks : found).add(change);
        }
        changes.addAll(found);
        if (found.stream().noneMatch(c -> c.category() == ChangeCategory.STRUCTURE)) {
            changes.addAll(fallbacks);
        }
    }

    /** Tells whether two values of a property differ only in a way an asked-for {@link Equivalence} leaves equal. */
    private boolean equalUnderEquivalences(ObjectId id, Object from, Object to, Property a, Property b) {
        if (from instanceof Constraint c && c.foreignKey() != null
                && Objects.equals(comparable(a.value()), comparable(b.value()))) {
            return true;
        }
        if (from instanceof Column && serialColumns.contains(id) && SERIAL_PROPERTIES.contains(a.name())) {
            return true;
        }
        return Objects.equals(printed(from, a, fromSnapshot), printed(to, b, toSnapshot));
    }

    /**
     * A property's value as compared under {@link Equivalence#CROSS_MAJOR_PRINTING} (a view's query) and
     * {@link Equivalence#FUNCTION_QUALIFICATION} (expressions and function bodies); reports show values as they are.
     */
    private String printed(Object object, Property property, SchemaSnapshot snapshot) {
        String value = property.value();
        if (object instanceof View && property.name().equals("definition")
                && options.treatsAsEqual(Equivalence.CROSS_MAJOR_PRINTING)) {
            value = PrintedQuery.acrossMajors(value);
        }
        if (options.treatsAsEqual(Equivalence.FUNCTION_QUALIFICATION)) {
            if (!(object instanceof Routine)) {
                value = FunctionNames.printed(value);
            } else if (property.name().equals("body")) {
                value = FunctionNames.body((Routine) object, snapshot);
            }
        }
        return value;
    }

    /**
     * A foreign key's action or definition as compared under the {@linkplain DiffOptions#treatsAsEqual
     * equivalences}: with {@link Equivalence#NO_ACTION_IS_RESTRICT}, {@code RESTRICT} is {@code NO ACTION} (which
     * {@code pg_get_constraintdef} leaves out). Reports show the values as they are.
     */
    private String comparable(String value) {
        if (value == null || !options.treatsAsEqual(Equivalence.NO_ACTION_IS_RESTRICT)) {
            return value;
        }
        return value.equals("RESTRICT") ? "NO ACTION"
                : value.replace(" ON UPDATE RESTRICT", "").replace(" ON DELETE RESTRICT", "");
    }

    private static String collapseWhitespace(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    private void added(ObjectId id, Object object) {
        ChangeCategory category = ObjectProperties.presenceCategory(object);
        if (options.reports(category)) {
            changes.add(new Change(id, ChangeType.ADDED, null, null, ObjectProperties.summary(object), category,
                    constraintType(object)));
        }
    }

    private void removed(ObjectId id, Object object) {
        ChangeCategory category = ObjectProperties.presenceCategory(object);
        if (options.reports(category)) {
            changes.add(new Change(id, ChangeType.REMOVED, null, ObjectProperties.summary(object), null, category,
                    constraintType(object)));
        }
    }

    /** The type a change of a constraint carries, so reports can say {@code foreign key}; else {@code null}. */
    private static ConstraintType constraintType(Object object) {
        return object instanceof Constraint c ? c.type() : null;
    }
}
