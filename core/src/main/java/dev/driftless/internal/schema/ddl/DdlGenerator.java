package dev.driftless.internal.schema.ddl;

import dev.driftless.schema.Change;
import dev.driftless.schema.ChangeType;
import dev.driftless.schema.Column;
import dev.driftless.schema.Constraint;
import dev.driftless.schema.ConstraintType;
import dev.driftless.schema.Domain;
import dev.driftless.schema.DomainConstraint;
import dev.driftless.schema.EnumType;
import dev.driftless.schema.Extension;
import dev.driftless.schema.Index;
import dev.driftless.schema.ObjectId;
import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Routine;
import dev.driftless.schema.Sequence;
import dev.driftless.schema.Table;
import dev.driftless.schema.TextDiffRenderer;
import dev.driftless.schema.Trigger;
import dev.driftless.schema.View;
import dev.driftless.sql.Quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DdlGenerator} turns a {@link SchemaDiff} between two snapshots into the ordered DDL that makes the first
 * schema the second. Each change of the diff is either turned into statements or listed as not generated, never
 * skipped. Statements come in phases, so that what a statement needs exists before it and what depends on an object
 * is gone before the object: schemas, extensions, enum types, domains, sequences and functions first; then triggers
 * and views that must go, removed constraints (foreign keys first) and indexes, removed tables; then new tables,
 * column changes, new constraints and indexes, re-created views, triggers and comments; removed functions, sequences,
 * domains, types, extensions and schemas last.
 */
public final class DdlGenerator {

    private static final String NOT_VALID = " NOT VALID";

    private final SchemaSnapshot from;
    private final SchemaSnapshot to;
    private final SchemaDiff diff;
    private final Map<Phase, List<GeneratedStatement>> phases = new LinkedHashMap<>();
    private final List<String> notGenerated = new ArrayList<>();
    /** Views dropped before the tables change and created again after, in the "to" snapshot's form. */
    private final Set<ObjectId> recreatedViews = new LinkedHashSet<>();

    private enum Phase {
        SETTINGS, CREATE_SCHEMAS, CREATE_EXTENSIONS, TYPES, DOMAINS, CREATE_SEQUENCES, CREATE_FUNCTIONS, DROP_TRIGGERS,
        DROP_VIEWS, DROP_FOREIGN_KEYS, DROP_CONSTRAINTS, DROP_INDEXES, DROP_TABLES, CREATE_TABLES, COLUMNS,
        SEQUENCE_OWNERS, ADD_CONSTRAINTS, ADD_FOREIGN_KEYS, CREATE_INDEXES, CREATE_VIEWS, CREATE_TRIGGERS, COMMENTS,
        DROP_FUNCTIONS, DROP_SEQUENCES, DROP_DOMAINS, DROP_TYPES, DROP_EXTENSIONS, DROP_SCHEMAS
    }

    private DdlGenerator(SchemaSnapshot from, SchemaSnapshot to, SchemaDiff diff) {
        this.from = from;
        this.to = to;
        this.diff = diff;
        for (Phase phase : Phase.values()) {
            phases.put(phase, new ArrayList<>());
        }
    }

    /**
     * Generates the DDL that turns {@code from} into {@code to}.
     *
     * @param from the schema the script starts from
     * @param to the schema it must produce
     * @param diff {@code SchemaDiff.between(from, to, options)}
     * @return the statements in order, and the changes not generated
     */
    public static GeneratedDdl generate(SchemaSnapshot from, SchemaSnapshot to, SchemaDiff diff) {
        DdlGenerator generator = new DdlGenerator(from, to, diff);
        generator.run();
        List<GeneratedStatement> all = new ArrayList<>();
        generator.phases.values().forEach(all::addAll);
        return new GeneratedDdl(all, generator.notGenerated);
    }

    private void run() {
        markViewsToRecreate();
        for (Change change : diff.changes()) {
            if (!generate(change)) {
                notGenerated.add(new TextDiffRenderer().renderChanges(new SchemaDiff(List.of(change), diff.options()))
                        .strip());
            }
        }
        List<View> dropOrder = viewsInDependencyOrder(from, recreatedViews);
        for (int i = dropOrder.size() - 1; i >= 0; i--) {
            View v = dropOrder.get(i);
            add(Phase.DROP_VIEWS, "DROP " + viewKeyword(v) + " " + Quote.qualified(v.schema(), v.name()));
        }
        for (View v : viewsInDependencyOrder(to, recreatedViews)) {
            createView(v);
        }
    }

    private boolean generate(Change change) {
        ObjectId id = change.object();
        return switch (id.kind()) {
            case SCHEMA -> schema(change);
            case EXTENSION -> extension(change);
            case ENUM -> enumType(change);
            case DOMAIN -> domain(change);
            case SEQUENCE -> sequence(change);
            case TABLE -> table(change);
            case COLUMN -> column(change);
            case CONSTRAINT -> constraint(change);
            case INDEX -> index(change);
            case VIEW, MATERIALIZED_VIEW -> view(change);
            case FUNCTION, PROCEDURE -> routine(change);
            case TRIGGER -> trigger(change);
            default -> false;
        };
    }

    private boolean schema(Change change) {
        String name = Quote.identifier(change.object().name());
        switch (change.type()) {
            case ADDED -> {
                add(Phase.CREATE_SCHEMAS, "CREATE SCHEMA " + name);
                to.schemas().stream().filter(s -> s.name().equals(change.object().name())).findFirst()
                        .ifPresent(s -> comment("SCHEMA " + name, null, s.comment()));
                return true;
            }
            case REMOVED -> {
                add(Phase.DROP_SCHEMAS, "DROP SCHEMA " + name);
                return true;
            }
            default -> {
                return change.property().equals("comment") && comment("SCHEMA " + name, change);
            }
        }
    }

    private boolean extension(Change change) {
        String name = Quote.identifier(change.object().name());
        switch (change.type()) {
            case ADDED -> {
                Extension e = to.extensions().stream().filter(x -> x.name().equals(change.object().name()))
                        .findFirst().orElseThrow();
                add(Phase.CREATE_EXTENSIONS, "CREATE EXTENSION " + name + " SCHEMA " + Quote.identifier(e.schema())
                        + " VERSION " + Quote.literal(e.version()));
                return true;
            }
            case REMOVED -> {
                add(Phase.DROP_EXTENSIONS, "DROP EXTENSION " + name);
                return true;
            }
            default -> {
                return switch (change.property()) {
                    case "version" -> add(Phase.CREATE_EXTENSIONS, "ALTER EXTENSION " + name + " UPDATE TO "
                            + Quote.literal(change.to()));
                    case "comment" -> comment("EXTENSION " + name, change);
                    default -> false;
                };
            }
        }
    }

    private boolean enumType(Change change) {
        ObjectId id = change.object();
        String name = Quote.qualified(id.schema(), id.name());
        switch (change.type()) {
            case ADDED -> {
                EnumType e = to.enumType(name).orElseThrow();
                add(Phase.TYPES, "CREATE TYPE " + name + " AS ENUM (" + String.join(", ",
                        e.labels().stream().map(Quote::literal).toList()) + ")");
                comment("TYPE " + name, null, e.comment());
                return true;
            }
            case REMOVED -> {
                add(Phase.DROP_TYPES, "DROP TYPE " + name);
                return true;
            }
            default -> {
                if (change.property().equals("comment")) {
                    return comment("TYPE " + name, change);
                }
                if (!change.property().equals("labels")) {
                    return false;
                }
                EnumType old = from.enumType(name).orElseThrow();
                EnumType current = to.enumType(name).orElseThrow();
                return addEnumValues(name, old, current) || replaceEnum(old, current);
            }
        }
    }

    /**
     * Adds the new labels of an enum, each {@code BEFORE} the old label that follows it (or {@code AFTER} the last
     * one), so the sort order comes out as in the target. Labels cannot be removed or reordered in place: then
     * nothing is generated.
     */
    private boolean addEnumValues(String name, EnumType old, EnumType current) {
        if (!current.labels().containsAll(old.labels())
                || !current.labels().stream().filter(old.labels()::contains).toList().equals(old.labels())) {
            return false;
        }
        List<String> labels = current.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (old.labels().contains(label)) {
                continue;
            }
            Optional<String> next = labels.subList(i + 1, labels.size()).stream().filter(old.labels()::contains)
                    .findFirst();
            String after = i == 0 ? "" : " AFTER " + Quote.literal(labels.get(i - 1));
            add(Phase.TYPES, "ALTER TYPE " + name + " ADD VALUE " + Quote.literal(label)
                    + next.map(n -> " BEFORE " + Quote.literal(n)).orElse(after));
        }
        return true;
    }

    /**
     * Replaces an enum whose labels were removed or reordered, which {@code ALTER TYPE} cannot do: the old type is
     * renamed, the new one created, each column of the type converted through its text, and the old type dropped. A
     * column's default is dropped around the conversion (it cannot be cast automatically).
     */
    private boolean replaceEnum(EnumType old, EnumType current) {
        String name = Quote.qualified(old.schema(), old.name());
        String oldName = old.name() + "__driftless_old";
        List<String> removed = old.labels().stream().filter(l -> !current.labels().contains(l)).toList();
        add(Phase.TYPES, "ALTER TYPE " + name + " RENAME TO " + Quote.identifier(oldName));
        add(Phase.TYPES, "CREATE TYPE " + name + " AS ENUM (" + String.join(", ",
                current.labels().stream().map(Quote::literal).toList()) + ")");
        for (Table t : from.tables()) {
            String table = Quote.qualified(t.schema(), t.name());
            for (Column c : t.columns()) {
                if (!isOfType(c, old)) {
                    continue;
                }
                String alterColumn = "ALTER TABLE " + table + " ALTER COLUMN " + Quote.identifier(c.name()) + " ";
                if (c.defaultValue() != null) {
                    add(Phase.TYPES, alterColumn + "DROP DEFAULT");
                }
                add(Phase.TYPES, alterColumn + "TYPE " + name + " USING " + Quote.identifier(c.name()) + "::text::"
                        + name, removed.isEmpty() ? null : "column " + t.schema() + "." + t.name() + "." + c.name()
                                + " can no longer hold " + String.join(", ", removed));
                if (c.defaultValue() != null) {
                    add(Phase.TYPES, alterColumn + "SET DEFAULT " + c.defaultValue());
                }
            }
        }
        add(Phase.TYPES, "DROP TYPE " + Quote.qualified(old.schema(), oldName));
        return true;
    }

    /** Whether a column is of an enum type, as {@code format_type} prints it (qualified outside the search path). */
    private static boolean isOfType(Column c, EnumType e) {
        return c.type().equals(e.name()) || c.type().equals(e.schema() + "." + e.name())
                || c.type().equals(Quote.identifier(e.name()))
                || c.type().equals(Quote.qualified(e.schema(), e.name()));
    }

    private boolean domain(Change change) {
        ObjectId id = change.object();
        String name = Quote.qualified(id.schema(), id.name());
        String alter = "ALTER DOMAIN " + name + " ";
        switch (change.type()) {
            case ADDED -> {
                Domain d = to.domain(name).orElseThrow();
                StringBuilder text = new StringBuilder("CREATE DOMAIN ").append(name).append(" AS ")
                        .append(d.baseType());
                if (d.collation() != null) {
                    text.append(" COLLATE ").append(d.collation());
                }
                if (d.defaultValue() != null) {
                    text.append(" DEFAULT ").append(d.defaultValue());
                }
                if (d.notNull()) {
                    text.append(" NOT NULL");
                }
                add(Phase.DOMAINS, text.toString());
                d.constraints().forEach(c -> addDomainConstraint(alter, c));
                comment("DOMAIN " + name, null, d.comment());
                return true;
            }
            case REMOVED -> {
                add(Phase.DROP_DOMAINS, "DROP DOMAIN " + name);
                return true;
            }
            default -> {
                return switch (change.property()) {
                    case "default" -> add(Phase.DOMAINS, alter
                            + (change.to() == null ? "DROP DEFAULT" : "SET DEFAULT " + change.to()));
                    case "not null" -> add(Phase.DOMAINS, alter
                            + (Boolean.parseBoolean(change.to()) ? "SET NOT NULL" : "DROP NOT NULL"));
                    case "constraints" -> changeDomainConstraints(alter, from.domain(name).orElseThrow(),
                            to.domain(name).orElseThrow());
                    case "comment" -> comment("DOMAIN " + name, change);
                    default -> false;
                };
            }
        }
    }

    /** Drops the constraints of a domain that are not in the target as they are, and adds those that are new. */
    private boolean changeDomainConstraints(String alter, Domain old, Domain current) {
        old.constraints().stream().filter(c -> !current.constraints().contains(c))
                .forEach(c -> add(Phase.DOMAINS, alter + "DROP CONSTRAINT " + Quote.identifier(c.name())));
        current.constraints().stream().filter(c -> !old.constraints().contains(c))
                .forEach(c -> addDomainConstraint(alter, c));
        return true;
    }

    /** As for tables: a check is added {@code NOT VALID}, then validated, unless the target leaves it not valid. */
    private void addDomainConstraint(String alter, DomainConstraint c) {
        String definition = c.definition().endsWith(NOT_VALID)
                ? c.definition().substring(0, c.definition().length() - NOT_VALID.length()) : c.definition();
        add(Phase.DOMAINS, alter + "ADD CONSTRAINT " + Quote.identifier(c.name()) + " " + definition + NOT_VALID);
        if (c.validated()) {
            add(Phase.DOMAINS, alter + "VALIDATE CONSTRAINT " + Quote.identifier(c.name()));
        }
    }

    private boolean sequence(Change change) {
        ObjectId id = change.object();
        String name = Quote.qualified(id.schema(), id.name());
        switch (change.type()) {
            case ADDED -> {
                Sequence s = to.sequence(name).orElseThrow();
                add(Phase.CREATE_SEQUENCES, "CREATE SEQUENCE " + name + " AS " + s.dataType() + " INCREMENT BY "
                        + s.increment() + " MINVALUE " + s.minValue() + " MAXVALUE " + s.maxValue() + " START WITH "
                        + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE"));
                if (s.ownedBy() != null) {
                    add(Phase.SEQUENCE_OWNERS, "ALTER SEQUENCE " + name + " OWNED BY " + ownedBy(s.ownedBy()));
                }
                comment("SEQUENCE " + name, null, s.comment());
                return true;
            }
            case REMOVED -> {
                Sequence s = from.sequence(name).orElseThrow();
                if (s.ownedBy() == null || !goesWithItsColumn(s.ownedBy())) {
                    add(Phase.DROP_SEQUENCES, "DROP SEQUENCE " + name);
                }
                return true;
            }
            default -> {
                String option = switch (change.property()) {
                    case "data type" -> "AS " + change.to();
                    case "start" -> "START WITH " + change.to();
                    case "increment" -> "INCREMENT BY " + change.to();
                    case "min value" -> "MINVALUE " + change.to();
                    case "max value" -> "MAXVALUE " + change.to();
                    case "cache" -> "CACHE " + change.to();
                    case "cycle" -> Boolean.parseBoolean(change.to()) ? "CYCLE" : "NO CYCLE";
                    case "owned by" -> "OWNED BY " + (change.to() == null ? "NONE" : ownedBy(change.to()));
                    default -> null;
                };
                if (change.property().equals("comment")) {
                    return comment("SEQUENCE " + name, change);
                }
                return option != null && add(change.property().equals("owned by") ? Phase.SEQUENCE_OWNERS
                        : Phase.CREATE_SEQUENCES, "ALTER SEQUENCE " + name + " " + option);
            }
        }
    }

    /** Whether the owning column of a sequence ({@code schema.table.column}) is dropped, or its table, with it. */
    private boolean goesWithItsColumn(String column) {
        return diff.changes().stream().anyMatch(c -> c.type() == ChangeType.REMOVED
                && (c.object().kind() == ObjectKind.TABLE || c.object().kind() == ObjectKind.COLUMN)
                && column.startsWith(c.object().qualifiedName() + (c.object().kind() == ObjectKind.TABLE ? "." : ""))
                && (c.object().kind() == ObjectKind.TABLE || column.equals(c.object().qualifiedName())));
    }

    /** {@code schema.table.column} as the snapshot writes it, quoted; names holding dots are not told apart. */
    private static String ownedBy(String column) {
        String[] parts = column.split("\\.", 3);
        return Quote.qualified(parts[0], parts[1]) + "." + Quote.identifier(parts[2]);
    }

    private boolean table(Change change) {
        ObjectId id = change.object();
        String name = Quote.qualified(id.schema(), id.name());
        switch (change.type()) {
            case ADDED -> {
                return createTable(to.table(name).orElseThrow());
            }
            case REMOVED -> {
                add(Phase.DROP_TABLES, "DROP TABLE " + name,
                        "table " + id.qualifiedName() + " is dropped with its rows");
                return true;
            }
            default -> {
                return switch (change.property()) {
                    case "comment" -> comment("TABLE " + name, change);
                    case "row security" -> add(Phase.COLUMNS, "ALTER TABLE " + name
                            + (Boolean.parseBoolean(change.to()) ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY");
                    case "column order" -> false;
                    default -> false;
                };
            }
        }
    }

    private boolean createTable(Table t) {
        if (t.partitionKey() != null || t.partitionOf() != null || !t.inherits().isEmpty() || !t.options().isEmpty()
                || t.tablespace() != null || !t.policies().isEmpty()
                || !t.rules().isEmpty() || !t.statistics().isEmpty()) {
            return false;
        }
        String name = Quote.qualified(t.schema(), t.name());
        List<String> elements = new ArrayList<>();
        for (Column c : t.columns()) {
            elements.add(Quote.identifier(c.name()) + " " + columnDefinition(c));
        }
        for (Constraint c : t.constraints()) {
            if (c.type() != ConstraintType.FOREIGN_KEY) {
                elements.add("CONSTRAINT " + Quote.identifier(c.name()) + " " + c.definition());
            }
        }
        add(Phase.CREATE_TABLES, "CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + name + " (\n    "
                + String.join(",\n    ", elements) + "\n)");
        for (Constraint c : t.constraints()) {
            if (c.type() == ConstraintType.FOREIGN_KEY) {
                add(Phase.ADD_FOREIGN_KEYS, "ALTER TABLE " + name + " ADD CONSTRAINT " + Quote.identifier(c.name())
                        + " " + c.definition());
            }
        }
        t.indexes().stream().filter(i -> i.constraint() == null)
                .forEach(i -> add(Phase.CREATE_INDEXES, i.definition()));
        t.triggers().forEach(trigger -> createTrigger(name, trigger));
        comment("TABLE " + name, null, t.comment());
        for (Column c : t.columns()) {
            comment("COLUMN " + name + "." + Quote.identifier(c.name()), null, c.comment());
        }
        t.constraints().forEach(c -> comment("CONSTRAINT " + Quote.identifier(c.name()) + " ON " + name, null,
                c.comment()));
        t.indexes().stream().filter(i -> i.constraint() == null)
                .forEach(i -> comment("INDEX " + Quote.qualified(t.schema(), i.name()), null, i.comment()));
        return true;
    }

    private static String columnDefinition(Column c) {
        StringBuilder text = new StringBuilder(c.type());
        if (c.collation() != null) {
            text.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            text.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
        } else if (c.defaultValue() != null) {
            text.append(" DEFAULT ").append(c.defaultValue());
        }
        if (c.notNull()) {
            text.append(" NOT NULL");
        }
        if (c.identity() != null) {
            text.append(" GENERATED ").append(c.identity()).append(" AS IDENTITY");
        }
        return text.toString();
    }

    private boolean column(Change change) {
        ObjectId id = change.object();
        String table = Quote.qualified(id.schema(), id.table());
        String column = Quote.identifier(id.name());
        String alter = "ALTER TABLE " + table + " ";
        switch (change.type()) {
            case ADDED -> {
                Column c = to.table(table).flatMap(t -> t.column(id.name())).orElseThrow();
                if (c.compression() != null || c.storage() != null || c.statisticsTarget() != null) {
                    return false;
                }
                add(Phase.COLUMNS, alter + "ADD COLUMN " + column + " " + columnDefinition(c));
                comment("COLUMN " + table + "." + column, null, c.comment());
                return true;
            }
            case REMOVED -> {
                add(Phase.COLUMNS, alter + "DROP COLUMN " + column,
                        "column " + id.qualifiedName() + " is dropped with its values");
                return true;
            }
            default -> {
                String alterColumn = alter + "ALTER COLUMN " + column + " ";
                return switch (change.property()) {
                    case "type" -> changeType(id, alterColumn, change);
                    case "not null" -> add(Phase.COLUMNS, alterColumn
                            + (Boolean.parseBoolean(change.to()) ? "SET NOT NULL" : "DROP NOT NULL"));
                    case "default" -> add(Phase.COLUMNS, alterColumn
                            + (change.to() == null ? "DROP DEFAULT" : "SET DEFAULT " + change.to()));
                    case "identity" -> add(Phase.COLUMNS, alterColumn + (change.to() == null ? "DROP IDENTITY"
                            : change.from() == null ? "ADD GENERATED " + change.to() + " AS IDENTITY"
                                    : "SET GENERATED " + change.to()));
                    case "identity sequence" -> isIdentityChange(id);
                    case "comment" -> comment("COLUMN " + table + "." + column, change);
                    default -> false;
                };
            }
        }
    }

    /**
     * Changes a column's type with {@code USING column::type}. A default is dropped first and set again after
     * (PostgreSQL cannot always cast it), unless the diff changes the default too, which then sets it.
     */
    private boolean changeType(ObjectId id, String alterColumn, Change change) {
        String table = Quote.qualified(id.schema(), id.table());
        String oldDefault = from.table(table).flatMap(t -> t.column(id.name())).map(Column::defaultValue).orElse(null);
        String newDefault = to.table(table).flatMap(t -> t.column(id.name())).map(Column::defaultValue).orElse(null);
        boolean defaultChanges = diff.changes().stream()
                .anyMatch(c -> c.object().equals(id) && "default".equals(c.property()));
        if (oldDefault != null) {
            add(Phase.COLUMNS, alterColumn + "DROP DEFAULT");
        }
        add(Phase.COLUMNS, alterColumn + "TYPE " + change.to() + " USING " + Quote.identifier(id.name()) + "::"
                + change.to(), widens(change.from(), change.to()) ? null
                        : "column " + id.qualifiedName() + " changes type from " + change.from() + " to "
                                + change.to() + " (values that do not fit fail or are cut)");
        if (oldDefault != null && newDefault != null && !defaultChanges) {
            add(Phase.COLUMNS, alterColumn + "SET DEFAULT " + newDefault);
        }
        return true;
    }

    /** An identity's sequence appears or goes with the identity itself, which is generated on its own. */
    private boolean isIdentityChange(ObjectId column) {
        return diff.changes().stream().anyMatch(c -> c.object().equals(column) && "identity".equals(c.property())
                && (c.from() == null || c.to() == null));
    }

    /** Type changes known to keep every value: wider integers, longer or unbounded text. */
    static boolean widens(String fromType, String toType) {
        List<String> integers = List.of("smallint", "integer", "bigint");
        if (integers.contains(fromType) && (integers.indexOf(toType) > integers.indexOf(fromType)
                || toType.equals("numeric"))) {
            return true;
        }
        if (fromType.startsWith("numeric(") && toType.startsWith("numeric(")) {
            String[] a = fromType.substring(8, fromType.length() - 1).split(",");
            String[] b = toType.substring(8, toType.length() - 1).split(",");
            return a.length == 2 && b.length == 2 && a[1].equals(b[1])
                    && Integer.parseInt(b[0]) >= Integer.parseInt(a[0]);
        }
        String varchar = "character varying";
        if (fromType.startsWith(varchar) && (toType.equals("text") || toType.equals(varchar))) {
            return true;
        }
        if (fromType.startsWith(varchar + "(") && toType.startsWith(varchar + "(")) {
            return length(toType) >= length(fromType);
        }
        return false;
    }

    private static int length(String type) {
        return Integer.parseInt(type.substring(type.indexOf('(') + 1, type.indexOf(')')));
    }

    private boolean constraint(Change change) {
        ObjectId id = change.object();
        String table = Quote.qualified(id.schema(), id.table());
        if (to.table(table).isEmpty() || from.table(table).isEmpty()) {
            return true; // created or dropped with its table
        }
        String name = Quote.identifier(id.name());
        switch (change.type()) {
            case ADDED -> {
                addConstraint(table, to.table(table).flatMap(t -> t.constraint(id.name())).orElseThrow());
                return true;
            }
            case REMOVED -> {
                add(dropPhase(change), "ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                return true;
            }
            default -> {
                if (change.property().equals("comment")) {
                    return comment("CONSTRAINT " + name + " ON " + table, change);
                }
                Optional<Constraint> current = to.table(table).flatMap(t -> t.constraint(id.name()));
                if (current.isEmpty()) {
                    return false; // matched under another name
                }
                if (change.property().equals("validated") && current.get().validated()) {
                    return add(Phase.ADD_FOREIGN_KEYS, "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name);
                }
                if (isFirstChangeOf(change)) {
                    add(dropPhase(change), "ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    addConstraint(table, current.get());
                }
                return true;
            }
        }
    }

    /** Foreign keys go first: a primary key or unique constraint they reference cannot be dropped before them. */
    private static Phase dropPhase(Change change) {
        return change.constraintType() == ConstraintType.FOREIGN_KEY ? Phase.DROP_FOREIGN_KEYS : Phase.DROP_CONSTRAINTS;
    }

    /** A constraint or index that changed in several properties is re-created once. */
    private boolean isFirstChangeOf(Change change) {
        return diff.changes().stream()
                .filter(c -> c.object().equals(change.object()) && !"comment".equals(c.property()))
                .findFirst().map(c -> c == change).orElse(false);
    }

    /**
     * Adds a constraint to an existing table. Foreign keys and checks go in {@code NOT VALID} and are validated in a
     * second statement, which checks the rows without the lock that blocks writes.
     */
    private void addConstraint(String table, Constraint c) {
        String name = Quote.identifier(c.name());
        String definition = c.definition().endsWith(NOT_VALID)
                ? c.definition().substring(0, c.definition().length() - NOT_VALID.length()) : c.definition();
        String addition = "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + definition;
        if (c.type() == ConstraintType.FOREIGN_KEY || c.type() == ConstraintType.CHECK) {
            add(Phase.ADD_FOREIGN_KEYS, addition + NOT_VALID);
            if (c.validated()) {
                add(Phase.ADD_FOREIGN_KEYS, "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name);
            }
        } else {
            add(Phase.ADD_CONSTRAINTS, addition);
        }
        comment("CONSTRAINT " + name + " ON " + table, null, c.comment());
    }

    private boolean index(Change change) {
        ObjectId id = change.object();
        String table = Quote.qualified(id.schema(), id.table());
        if (to.table(table).isEmpty() || from.table(table).isEmpty()) {
            return true; // created or dropped with its table
        }
        String name = Quote.qualified(id.schema(), id.name());
        switch (change.type()) {
            case ADDED -> {
                Index i = to.table(table).flatMap(t -> t.index(id.name())).orElseThrow();
                add(Phase.CREATE_INDEXES, i.definition());
                comment("INDEX " + name, null, i.comment());
                return true;
            }
            case REMOVED -> {
                add(Phase.DROP_INDEXES, "DROP INDEX " + name);
                return true;
            }
            default -> {
                if (change.property().equals("comment")) {
                    return comment("INDEX " + name, change);
                }
                Optional<Index> current = to.table(table).flatMap(t -> t.index(id.name()));
                if (current.isEmpty()) {
                    return false;
                }
                if (isFirstChangeOf(change)) {
                    add(Phase.DROP_INDEXES, "DROP INDEX " + name);
                    add(Phase.CREATE_INDEXES, current.get().definition());
                }
                return true;
            }
        }
    }

    private boolean routine(Change change) {
        ObjectId id = change.object();
        Routine old = routine(from, id);
        Routine current = routine(to, id);
        String keyword = id.kind() == ObjectKind.PROCEDURE ? "PROCEDURE" : "FUNCTION";
        switch (change.type()) {
            case ADDED -> {
                return createRoutine(current, false);
            }
            case REMOVED -> {
                add(Phase.DROP_FUNCTIONS, "DROP " + keyword + " " + signature(old));
                return true;
            }
            default -> {
                if (change.property().equals("comment")) {
                    return comment(keyword + " " + signature(current), change);
                }
                if (!isFirstChangeOf(change)) {
                    return true;
                }
                // CREATE OR REPLACE keeps what depends on the function, but cannot change its result or arguments.
                boolean replaceable = diff.changes().stream().noneMatch(c -> c.object().equals(id)
                        && ("returns".equals(c.property()) || "arguments".equals(c.property())));
                if (!replaceable) {
                    add(Phase.CREATE_FUNCTIONS, "DROP " + keyword + " " + signature(old));
                }
                return createRoutine(current, replaceable);
            }
        }
    }

    private static Routine routine(SchemaSnapshot snapshot, ObjectId id) {
        return snapshot.functions().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    private static String signature(Routine f) {
        return Quote.qualified(f.schema(), f.name()) + "(" + f.argumentTypes() + ")";
    }

    /**
     * Creates a function or procedure from its parts. A body in SQL-standard form ({@code BEGIN ATOMIC ... END},
     * {@code RETURN ...}) is written as is; any other in a dollar quote whose tag the body does not hold. Bodies are
     * not checked when created ({@code check_function_bodies}, as {@code pg_dump} does), so a function may name a
     * table created later in the script.
     */
    private boolean createRoutine(Routine f, boolean replace) {
        if (f.aggregate() != null) {
            return false;
        }
        boolean procedure = f.procedure();
        StringBuilder text = new StringBuilder("CREATE ").append(replace ? "OR REPLACE " : "")
                .append(procedure ? "PROCEDURE " : "FUNCTION ").append(Quote.qualified(f.schema(), f.name()))
                .append("(").append(f.arguments()).append(")");
        if (!procedure) {
            text.append(" RETURNS ").append(f.returns());
        }
        text.append("\n    LANGUAGE ").append(Quote.identifier(f.language()));
        if (!procedure) {
            text.append(" ").append(f.volatility());
            if (f.strict()) {
                text.append(" STRICT");
            }
        }
        if (f.securityDefiner()) {
            text.append(" SECURITY DEFINER");
        }
        if (!procedure) {
            text.append(" PARALLEL ").append(f.parallel());
        }
        for (String setting : f.settings()) {
            text.append("\n    SET ").append(setting);
        }
        String body = f.body();
        String start = body.strip().toUpperCase(Locale.ROOT);
        if (f.language().equals("sql") && (start.startsWith("BEGIN ATOMIC") || start.startsWith("RETURN "))) {
            text.append("\n").append(body.strip());
        } else {
            String tag = "$function$";
            for (int i = 1; body.contains(tag); i++) {
                tag = "$function" + i + "$";
            }
            text.append("\nAS ").append(tag).append(body).append(tag);
        }
        if (phases.get(Phase.SETTINGS).isEmpty()) {
            add(Phase.SETTINGS, "SET check_function_bodies = false");
        }
        add(Phase.CREATE_FUNCTIONS, text.toString());
        comment((procedure ? "PROCEDURE " : "FUNCTION ") + signature(f), null, f.comment());
        return true;
    }

    private boolean trigger(Change change) {
        ObjectId id = change.object();
        String table = Quote.qualified(id.schema(), id.table());
        if (to.table(table).isEmpty() || from.table(table).isEmpty()) {
            return to.view(table).isEmpty() && from.view(table).isEmpty(); // with its table; not on views yet
        }
        String drop = "DROP TRIGGER " + Quote.identifier(id.name()) + " ON " + table;
        Optional<Trigger> current = to.table(table).flatMap(t -> t.triggers().stream()
                .filter(x -> x.name().equals(id.name())).findFirst());
        switch (change.type()) {
            case ADDED -> {
                return createTrigger(table, current.orElseThrow());
            }
            case REMOVED -> {
                add(Phase.DROP_TRIGGERS, drop);
                return true;
            }
            default -> {
                if (change.property().equals("comment")) {
                    return comment("TRIGGER " + Quote.identifier(id.name()) + " ON " + table, change);
                }
                if (!change.property().equals("definition") || current.isEmpty()) {
                    return false;
                }
                add(Phase.DROP_TRIGGERS, drop);
                return createTrigger(table, current.get());
            }
        }
    }

    private boolean createTrigger(String table, Trigger t) {
        add(Phase.CREATE_TRIGGERS, t.definition());
        if (!"ORIGIN".equals(t.enabled())) {
            String mode = switch (t.enabled()) {
                case "DISABLED" -> "DISABLE";
                case "REPLICA" -> "ENABLE REPLICA";
                default -> "ENABLE ALWAYS";
            };
            add(Phase.CREATE_TRIGGERS, "ALTER TABLE " + table + " " + mode + " TRIGGER " + Quote.identifier(t.name()));
        }
        comment("TRIGGER " + Quote.identifier(t.name()) + " ON " + table, null, t.comment());
        return true;
    }

    private boolean view(Change change) {
        ObjectId id = change.object();
        String name = Quote.qualified(id.schema(), id.name());
        switch (change.type()) {
            case ADDED -> {
                View v = to.view(name).orElseThrow();
                if (!v.indexes().isEmpty() || !v.triggers().isEmpty() || !v.rules().isEmpty()
                        || !v.statistics().isEmpty() || v.tablespace() != null) {
                    return false;
                }
                recreatedViews.add(id);
                return true;
            }
            case REMOVED -> {
                recreatedViews.add(id);
                return true;
            }
            default -> {
                return switch (change.property()) {
                    case "definition", "options" -> true; // marked for re-creation beforehand
                    case "comment" -> recreatedViews.contains(id)
                            || comment(viewKeyword(to.view(name).orElseThrow()) + " " + name, change);
                    default -> false;
                };
            }
        }
    }

    /**
     * Marks the views to drop and create again: those added, removed or whose query or options changed, those that
     * use a table whose columns change (PostgreSQL refuses to change the type of, or drop, a column a view uses), and,
     * again and again, those that use a marked view. The snapshot does not record which table a view reads, so this
     * looks for the schema-qualified name in the view's query as {@code pg_get_viewdef} prints it; a false match only
     * re-creates one view more.
     */
    private void markViewsToRecreate() {
        Set<String> changedTables = new LinkedHashSet<>();
        for (Change change : diff.changes()) {
            ObjectId id = change.object();
            if (id.kind() == ObjectKind.COLUMN) {
                changedTables.add(id.schema() + "." + id.table());
            } else if ((id.kind() == ObjectKind.VIEW || id.kind() == ObjectKind.MATERIALIZED_VIEW)
                    && (change.type() != ChangeType.CHANGED || change.property().equals("definition")
                            || change.property().equals("options"))) {
                recreatedViews.add(id);
                changedTables.add(id.schema() + "." + id.name());
            }
        }
        boolean more = true;
        while (more) {
            more = false;
            for (View v : from.views()) {
                if (!recreatedViews.contains(v.id()) && to.view(Quote.qualified(v.schema(), v.name())).isPresent()
                        && changedTables.stream().anyMatch(t -> mentions(v, t))) {
                    recreatedViews.add(v.id());
                    changedTables.add(v.schema() + "." + v.name());
                    more = true;
                }
            }
        }
    }

    private static boolean mentions(View v, String qualifiedName) {
        return v.definition().matches("(?s).*\\b\\Q" + qualifiedName + "\\E\\b.*");
    }

    /** The marked views of a snapshot, each after the views it uses. */
    private static List<View> viewsInDependencyOrder(SchemaSnapshot snapshot, Set<ObjectId> marked) {
        List<View> remaining = new ArrayList<>(snapshot.views().stream().filter(v -> marked.contains(v.id())).toList());
        List<View> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            View next = remaining.stream().filter(v -> remaining.stream()
                    .noneMatch(other -> other != v && mentions(v, other.schema() + "." + other.name())))
                    .findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    private void createView(View v) {
        String name = Quote.qualified(v.schema(), v.name());
        String query = v.definition().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        String options = v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")";
        add(Phase.CREATE_VIEWS, "CREATE " + viewKeyword(v) + " " + name + options + " AS\n" + query);
        comment(viewKeyword(v) + " " + name, null, v.comment());
    }

    private static String viewKeyword(View v) {
        return v.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }

    private boolean comment(String object, Change change) {
        return comment(object, change.from(), change.to());
    }

    private boolean comment(String object, String old, String current) {
        if (!Objects.equals(old, current)) {
            add(Phase.COMMENTS, "COMMENT ON " + object + " IS " + (current == null ? "NULL" : Quote.literal(current)));
        }
        return true;
    }

    private boolean add(Phase phase, String sql) {
        return add(phase, sql, null);
    }

    private boolean add(Phase phase, String sql, String lossNote) {
        phases.get(phase).add(new GeneratedStatement(sql, lossNote));
        return true;
    }
}
