package dev.driftless.internal.schema;

import dev.driftless.schema.Aggregate;
import dev.driftless.schema.AccessMethod;
import dev.driftless.schema.Attribute;
import dev.driftless.schema.BaseType;
import dev.driftless.schema.Cast;
import dev.driftless.schema.ChangeCategory;
import dev.driftless.schema.Collation;
import dev.driftless.schema.Column;
import dev.driftless.schema.CompositeType;
import dev.driftless.schema.Constraint;
import dev.driftless.schema.DefaultPrivileges;
import dev.driftless.schema.Conversion;
import dev.driftless.schema.Domain;
import dev.driftless.schema.DomainConstraint;
import dev.driftless.schema.EnumType;
import dev.driftless.schema.EventTrigger;
import dev.driftless.schema.Extension;
import dev.driftless.schema.ForeignDataWrapper;
import dev.driftless.schema.ForeignServer;
import dev.driftless.schema.ForeignTable;
import dev.driftless.schema.Routine;
import dev.driftless.schema.Index;
import dev.driftless.schema.Operator;
import dev.driftless.schema.OperatorClass;
import dev.driftless.schema.OperatorFamily;
import dev.driftless.schema.Policy;
import dev.driftless.schema.Rule;
import dev.driftless.schema.Publication;
import dev.driftless.schema.RangeType;
import dev.driftless.schema.Schema;
import dev.driftless.schema.Sequence;
import dev.driftless.schema.Statistics;
import dev.driftless.schema.Table;
import dev.driftless.schema.TextSearchConfiguration;
import dev.driftless.schema.TextSearchDictionary;
import dev.driftless.schema.TextSearchParser;
import dev.driftless.schema.TextSearchTemplate;
import dev.driftless.schema.Transform;
import dev.driftless.schema.Trigger;
import dev.driftless.schema.UserMapping;
import dev.driftless.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.driftless.schema.ChangeCategory.CODE;
import static dev.driftless.schema.ChangeCategory.COMMENT;
import static dev.driftless.schema.ChangeCategory.EXTENSION_VERSION;
import static dev.driftless.schema.ChangeCategory.OWNERSHIP;
import static dev.driftless.schema.ChangeCategory.STRUCTURE;

/**
 * {@code ObjectProperties} lists the properties {@link DiffEngine} compares for each kind of object, in the order they
 * are reported, each with its {@link ChangeCategory}; and the one-line summary shown when an object is added or
 * removed. Parts of a table (columns, constraints, ...) are compared on their own, not as table properties.
 */
final class ObjectProperties {

    private final List<Property> properties = new ArrayList<>();

    private ObjectProperties() {
    }

    private ObjectProperties add(String name, Object value, ChangeCategory category) {
        properties.add(Property.of(name, value instanceof List<?> list ? join(list) : value, category));
        return this;
    }

    private ObjectProperties add(String name, Object value, ChangeCategory category, Property.Comparison comparison) {
        properties.add(new Property(name, value == null ? null : value.toString(), category, comparison));
        return this;
    }

    private static String join(List<?> values) {
        return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static List<Property> of(Object object) {
        ObjectProperties p = new ObjectProperties();
        if (object instanceof Schema s) {
            p.add("owner", s.owner(), OWNERSHIP).add("privileges", s.privileges(), OWNERSHIP)
                    .add("comment", s.comment(), COMMENT);
        } else if (object instanceof Extension e) {
            p.add("schema", e.schema(), STRUCTURE).add("version", e.version(), EXTENSION_VERSION)
                    .add("comment", e.comment(), COMMENT);
        } else if (object instanceof Table t) {
            p.add("unlogged", t.unlogged(), STRUCTURE).add("partition key", t.partitionKey(), STRUCTURE)
                    .add("partition of", t.partitionOf(), STRUCTURE)
                    .add("partition bound", t.partitionBound(), STRUCTURE).add("inherits", t.inherits(), STRUCTURE)
                    .add("options", t.options(), STRUCTURE).add("row security", t.rowSecurity(), STRUCTURE)
                    .add("force row security", t.forceRowSecurity(), STRUCTURE)
                    .add("replica identity", t.replicaIdentity(), STRUCTURE).add("owner", t.owner(), OWNERSHIP)
                    .add("privileges", t.privileges(), OWNERSHIP).add("comment", t.comment(), COMMENT)
                    .add("tablespace", t.tablespace(), STRUCTURE);
        } else if (object instanceof Column c) {
            p.add("type", c.type(), STRUCTURE).add("not null", c.notNull(), STRUCTURE)
                    .add("default", c.defaultValue(), STRUCTURE).add("identity", c.identity(), STRUCTURE)
                    .add("generated", c.generated(), STRUCTURE).add("collation", c.collation(), STRUCTURE)
                    .add("compression", c.compression(), STRUCTURE)
                    .add("identity sequence", c.identitySequence(), STRUCTURE)
                    .add("statistics target", c.statisticsTarget(), STRUCTURE).add("storage", c.storage(), STRUCTURE)
                    .add("inheritance", c.inheritance(), STRUCTURE).add("privileges", c.privileges(), OWNERSHIP)
                    .add("comment", c.comment(), COMMENT);
        } else if (object instanceof Constraint c) {
            p.add("type", c.type().label(), STRUCTURE).add("columns", c.columns(), STRUCTURE);
            if (c.foreignKey() != null) {
                p.add("references", c.foreignKey().referencedTable() + "("
                        + String.join(", ", c.foreignKey().referencedColumns()) + ")", STRUCTURE)
                        .add("on delete", c.foreignKey().onDelete(), STRUCTURE)
                        .add("on update", c.foreignKey().onUpdate(), STRUCTURE)
                        .add("match", c.foreignKey().match(), STRUCTURE);
            }
            p.add("deferrable", c.deferrable(), STRUCTURE).add("initially deferred", c.initiallyDeferred(), STRUCTURE)
                    .add("validated", c.validated(), STRUCTURE)
                    .add("definition", c.definition(), STRUCTURE, Property.Comparison.FALLBACK)
                    .add("comment", c.comment(), COMMENT);
        } else if (object instanceof Index i) {
            p.add("method", i.method(), STRUCTURE).add("unique", i.unique(), STRUCTURE)
                    .add("keys", i.keys(), STRUCTURE).add("include", i.include(), STRUCTURE)
                    .add("predicate", i.predicate(), STRUCTURE)
                    .add("nulls not distinct", i.nullsNotDistinct(), STRUCTURE)
                    .add("options", i.options(), STRUCTURE)
                    .add("comment", i.comment(), COMMENT).add("tablespace", i.tablespace(), STRUCTURE);
        } else if (object instanceof Trigger t) {
            p.add("definition", t.definition(), CODE).add("enabled", t.enabled(), STRUCTURE)
                    .add("comment", t.comment(), COMMENT);
        } else if (object instanceof Policy pol) {
            p.add("command", pol.command(), STRUCTURE).add("permissive", pol.permissive(), STRUCTURE)
                    .add("roles", pol.roles(), STRUCTURE).add("using", pol.using(), CODE)
                    .add("with check", pol.withCheck(), CODE);
        } else if (object instanceof Sequence s) {
            p.add("data type", s.dataType(), STRUCTURE).add("start", s.start(), STRUCTURE)
                    .add("increment", s.increment(), STRUCTURE).add("min value", s.minValue(), STRUCTURE)
                    .add("max value", s.maxValue(), STRUCTURE).add("cache", s.cache(), STRUCTURE)
                    .add("cycle", s.cycle(), STRUCTURE).add("owned by", s.ownedBy(), STRUCTURE)
                    .add("owner", s.owner(), OWNERSHIP).add("privileges", s.privileges(), OWNERSHIP)
                    .add("comment", s.comment(), COMMENT);
        } else if (object instanceof View v) {
            p.add("definition", v.definition(), CODE).add("options", v.options(), STRUCTURE)
                    .add("owner", v.owner(), OWNERSHIP).add("privileges", v.privileges(), OWNERSHIP)
                    .add("comment", v.comment(), COMMENT).add("tablespace", v.tablespace(), STRUCTURE);
        } else if (object instanceof Routine f && f.aggregate() != null) {
            Aggregate a = f.aggregate();
            p.add("arguments", f.arguments(), STRUCTURE).add("returns", f.returns(), STRUCTURE)
                    .add("kind", a.kind(), STRUCTURE).add("state function", a.stateFunction(), STRUCTURE)
                    .add("state type", a.stateType(), STRUCTURE).add("final function", a.finalFunction(), STRUCTURE)
                    .add("combine function", a.combineFunction(), STRUCTURE)
                    .add("initial condition", a.initialCondition(), STRUCTURE)
                    .add("sort operator", a.sortOperator(), STRUCTURE).add("moving aggregate", a.moving(), STRUCTURE)
                    .add("parallel", f.parallel(), STRUCTURE).add("owner", f.owner(), OWNERSHIP)
                    .add("privileges", f.privileges(), OWNERSHIP).add("comment", f.comment(), COMMENT);
        } else if (object instanceof Routine f) {
            p.add("arguments", f.arguments(), STRUCTURE).add("returns", f.returns(), STRUCTURE)
                    .add("language", f.language(), STRUCTURE).add("volatility", f.volatility(), STRUCTURE)
                    .add("strict", f.strict(), STRUCTURE).add("security definer", f.securityDefiner(), STRUCTURE)
                    .add("parallel", f.parallel(), STRUCTURE).add("settings", f.settings(), STRUCTURE)
                    .add("body", f.body(), CODE, Property.Comparison.CODE_BODY)
                    .add("owner", f.owner(), OWNERSHIP).add("privileges", f.privileges(), OWNERSHIP)
                    .add("comment", f.comment(), COMMENT);
        } else if (object instanceof EnumType e) {
            p.add("labels", e.labels(), STRUCTURE).add("owner", e.owner(), OWNERSHIP)
                    .add("comment", e.comment(), COMMENT);
        } else if (object instanceof Domain d) {
            p.add("base type", d.baseType(), STRUCTURE).add("not null", d.notNull(), STRUCTURE)
                    .add("default", d.defaultValue(), STRUCTURE).add("collation", d.collation(), STRUCTURE)
                    .add("constraints", d.constraints().stream().map(ObjectProperties::describe).toList(), STRUCTURE)
                    .add("owner", d.owner(), OWNERSHIP).add("comment", d.comment(), COMMENT);
        } else if (object instanceof CompositeType c) {
            p.add("attributes", c.attributes().stream().map(ObjectProperties::describe).toList(), STRUCTURE)
                    .add("owner", c.owner(), OWNERSHIP).add("comment", c.comment(), COMMENT);
        } else if (object instanceof Collation c) {
            p.add("provider", c.provider(), STRUCTURE).add("lc_collate", c.lcCollate(), STRUCTURE)
                    .add("lc_ctype", c.lcCtype(), STRUCTURE).add("locale", c.locale(), STRUCTURE)
                    .add("rules", c.rules(), STRUCTURE).add("deterministic", c.deterministic(), STRUCTURE)
                    .add("owner", c.owner(), OWNERSHIP).add("comment", c.comment(), COMMENT);
        } else if (object instanceof Rule r) {
            p.add("event", r.event(), STRUCTURE).add("definition", r.definition(), CODE)
                    .add("enabled", r.enabled(), STRUCTURE).add("comment", r.comment(), COMMENT);
        } else if (object instanceof Statistics st) {
            p.add("kinds", st.kinds(), STRUCTURE).add("columns", st.columns(), STRUCTURE)
                    .add("statistics target", st.statisticsTarget(), STRUCTURE).add("owner", st.owner(), OWNERSHIP)
                    .add("comment", st.comment(), COMMENT);
        } else if (object instanceof DefaultPrivileges d) {
            p.add("privileges", d.privileges(), OWNERSHIP);
        } else if (object instanceof TextSearchConfiguration c) {
            p.add("parser", c.parser(), STRUCTURE).add("mapping", c.mapping().isEmpty() ? null : String.join("\n", c.mapping()), STRUCTURE)
                    .add("owner", c.owner(), OWNERSHIP).add("comment", c.comment(), COMMENT);
        } else if (object instanceof TextSearchDictionary d) {
            p.add("template", d.template(), STRUCTURE).add("options", d.options(), STRUCTURE)
                    .add("owner", d.owner(), OWNERSHIP).add("comment", d.comment(), COMMENT);
        } else if (object instanceof TextSearchParser t) {
            p.add("start function", t.startFunction(), STRUCTURE).add("token function", t.tokenFunction(), STRUCTURE)
                    .add("end function", t.endFunction(), STRUCTURE)
                    .add("lextypes function", t.lexTypesFunction(), STRUCTURE)
                    .add("headline function", t.headlineFunction(), STRUCTURE).add("comment", t.comment(), COMMENT);
        } else if (object instanceof TextSearchTemplate t) {
            p.add("init function", t.initFunction(), STRUCTURE).add("lexize function", t.lexizeFunction(), STRUCTURE)
                    .add("comment", t.comment(), COMMENT);
        } else if (object instanceof Publication pub) {
            p.add("all tables", pub.allTables(), STRUCTURE).add("operations", pub.operations(), STRUCTURE)
                    .add("via root", pub.viaRoot(), STRUCTURE)
                    .add("generated columns", pub.generatedColumns(), STRUCTURE).add("tables", pub.tables(), STRUCTURE)
                    .add("schemas", pub.schemas(), STRUCTURE).add("owner", pub.owner(), OWNERSHIP)
                    .add("comment", pub.comment(), COMMENT);
        } else if (object instanceof EventTrigger e) {
            p.add("event", e.event(), STRUCTURE).add("function", e.function(), STRUCTURE)
                    .add("tags", e.tags(), STRUCTURE).add("enabled", e.enabled(), STRUCTURE)
                    .add("owner", e.owner(), OWNERSHIP).add("comment", e.comment(), COMMENT);
        } else if (object instanceof ForeignDataWrapper w) {
            p.add("handler", w.handler(), STRUCTURE).add("validator", w.validator(), STRUCTURE)
                    .add("options", w.options(), STRUCTURE).add("owner", w.owner(), OWNERSHIP)
                    .add("privileges", w.privileges(), OWNERSHIP).add("comment", w.comment(), COMMENT);
        } else if (object instanceof ForeignServer s) {
            p.add("wrapper", s.wrapper(), STRUCTURE).add("type", s.type(), STRUCTURE)
                    .add("version", s.version(), STRUCTURE).add("options", s.options(), STRUCTURE)
                    .add("owner", s.owner(), OWNERSHIP).add("privileges", s.privileges(), OWNERSHIP)
                    .add("comment", s.comment(), COMMENT);
        } else if (object instanceof UserMapping m) {
            p.add("option names", m.optionNames(), STRUCTURE);
        } else if (object instanceof ForeignTable t) {
            p.add("server", t.server(), STRUCTURE).add("options", t.options(), STRUCTURE)
                    .add("constraints", t.constraints(), STRUCTURE).add("parents", t.parents(), STRUCTURE)
                    .add("partition bound", t.partitionBound(), STRUCTURE)
                    .add("column options", t.columnOptions(), STRUCTURE).add("owner", t.owner(), OWNERSHIP)
                    .add("privileges", t.privileges(), OWNERSHIP).add("comment", t.comment(), COMMENT);
        } else if (!typesAndOperators(p, object)) {
            throw new IllegalArgumentException("Not a catalog object: " + object);
        }
        return p.properties;
    }

    /** Range and base types, casts, operators, their classes and families, conversions, access methods, transforms. */
    private static boolean typesAndOperators(ObjectProperties p, Object object) {
        if (object instanceof RangeType r) {
            p.add("subtype", r.subtype(), STRUCTURE).add("subtype opclass", r.subtypeOpclass(), STRUCTURE)
                    .add("collation", r.collation(), STRUCTURE).add("canonical", r.canonical(), STRUCTURE)
                    .add("subtype diff", r.subtypeDiff(), STRUCTURE)
                    .add("multirange type", r.multirangeType(), STRUCTURE)
                    .add("owner", r.owner(), OWNERSHIP).add("comment", r.comment(), COMMENT);
        } else if (object instanceof BaseType t) {
            p.add("shell", t.shell(), STRUCTURE).add("input", t.input(), STRUCTURE)
                    .add("output", t.output(), STRUCTURE).add("receive", t.receive(), STRUCTURE)
                    .add("send", t.send(), STRUCTURE).add("typmod in", t.typmodIn(), STRUCTURE)
                    .add("typmod out", t.typmodOut(), STRUCTURE).add("analyze", t.analyze(), STRUCTURE)
                    .add("subscript", t.subscript(), STRUCTURE).add("internal length", t.internalLength(), STRUCTURE)
                    .add("passed by value", t.passedByValue(), STRUCTURE).add("alignment", t.alignment(), STRUCTURE)
                    .add("storage", t.storage(), STRUCTURE).add("category", t.category(), STRUCTURE)
                    .add("preferred", t.preferred(), STRUCTURE).add("default", t.defaultValue(), STRUCTURE)
                    .add("element", t.element(), STRUCTURE).add("delimiter", t.delimiter(), STRUCTURE)
                    .add("collatable", t.collatable(), STRUCTURE)
                    .add("owner", t.owner(), OWNERSHIP).add("comment", t.comment(), COMMENT);
        } else if (object instanceof Cast c) {
            p.add("method", c.method(), STRUCTURE).add("context", c.context(), STRUCTURE)
                    .add("comment", c.comment(), COMMENT);
        } else if (object instanceof Operator o) {
            p.add("function", o.function(), STRUCTURE).add("commutator", o.commutator(), STRUCTURE)
                    .add("negator", o.negator(), STRUCTURE).add("restrict", o.restrict(), STRUCTURE)
                    .add("join", o.join(), STRUCTURE).add("hashes", o.hashes(), STRUCTURE)
                    .add("merges", o.merges(), STRUCTURE)
                    .add("owner", o.owner(), OWNERSHIP).add("comment", o.comment(), COMMENT);
        } else if (object instanceof OperatorClass c) {
            p.add("type", c.type(), STRUCTURE).add("default", c.isDefault(), STRUCTURE)
                    .add("family", c.family(), STRUCTURE).add("storage", c.storage(), STRUCTURE)
                    .add("operators", c.operators(), STRUCTURE).add("functions", c.functions(), STRUCTURE)
                    .add("owner", c.owner(), OWNERSHIP).add("comment", c.comment(), COMMENT);
        } else if (object instanceof OperatorFamily f) {
            p.add("operators", f.operators(), STRUCTURE).add("functions", f.functions(), STRUCTURE)
                    .add("owner", f.owner(), OWNERSHIP).add("comment", f.comment(), COMMENT);
        } else if (object instanceof Conversion c) {
            p.add("source encoding", c.sourceEncoding(), STRUCTURE)
                    .add("target encoding", c.targetEncoding(), STRUCTURE).add("function", c.function(), STRUCTURE)
                    .add("default", c.isDefault(), STRUCTURE)
                    .add("owner", c.owner(), OWNERSHIP).add("comment", c.comment(), COMMENT);
        } else if (object instanceof AccessMethod m) {
            p.add("type", m.type(), STRUCTURE).add("handler", m.handler(), STRUCTURE)
                    .add("comment", m.comment(), COMMENT);
        } else if (object instanceof Transform t) {
            p.add("from sql", t.fromSql(), STRUCTURE).add("to sql", t.toSql(), STRUCTURE)
                    .add("comment", t.comment(), COMMENT);
        } else {
            return false;
        }
        return true;
    }

    /** Returns the one-line summary of an added or removed object, or {@code null} when its name says it all. */
    static String summary(Object object) {
        if (object instanceof Column c) {
            return c.type() + (c.notNull() ? " not null" : "")
                    + (c.defaultValue() != null ? " default " + c.defaultValue() : "")
                    + (c.identity() != null ? " generated " + c.identity().toLowerCase() + " as identity" : "")
                    + (c.generated() != null ? " generated always as (" + c.generated() + ")" : "");
        } else if (object instanceof Constraint c) {
            return c.definition();
        } else if (object instanceof Index i) {
            return i.definition();
        } else if (object instanceof Trigger t) {
            return t.definition();
        } else if (object instanceof Extension e) {
            return "version " + e.version();
        } else if (object instanceof EnumType e) {
            return join(e.labels());
        } else if (object instanceof Domain d) {
            return d.baseType();
        } else if (object instanceof Routine f && f.aggregate() != null) {
            return "SFUNC = " + f.aggregate().stateFunction() + ", STYPE = " + f.aggregate().stateType();
        } else if (object instanceof TextSearchConfiguration c) {
            return "PARSER = " + c.parser();
        } else if (object instanceof TextSearchDictionary d) {
            return "TEMPLATE = " + d.template() + (d.options() == null ? "" : ", " + d.options());
        } else if (object instanceof Publication pub) {
            return pub.allTables() ? "FOR ALL TABLES" : pub.tables().isEmpty() && pub.schemas().isEmpty() ? null
                    : "FOR " + String.join(", ", forPublication(pub));
        } else if (object instanceof EventTrigger e) {
            return "ON " + e.event() + (e.tags().isEmpty() ? "" : " WHEN TAG IN (" + join(e.tags()) + ")")
                    + " EXECUTE FUNCTION " + e.function();
        } else if (object instanceof ForeignServer s) {
            return "FOREIGN DATA WRAPPER " + s.wrapper();
        } else if (object instanceof ForeignTable t) {
            return "SERVER " + t.server();
        } else if (object instanceof Collation c) {
            return c.provider() + (c.locale() != null ? " locale " + c.locale() : "")
                    + (c.lcCollate() != null ? " lc_collate " + c.lcCollate() : "")
                    + (c.lcCtype() != null ? " lc_ctype " + c.lcCtype() : "")
                    + (c.deterministic() ? "" : " nondeterministic");
        } else if (object instanceof Rule r) {
            return r.definition();
        } else if (object instanceof Statistics st) {
            return (st.kinds().isEmpty() ? "" : join(st.kinds()) + " ") + "on " + st.columns();
        } else if (object instanceof DefaultPrivileges d) {
            return join(d.privileges());
        }
        return typeOrOperatorSummary(object);
    }

    private static String typeOrOperatorSummary(Object object) {
        if (object instanceof RangeType r) {
            return "subtype " + r.subtype();
        } else if (object instanceof BaseType t) {
            return t.shell() ? "shell" : "input " + t.input() + " output " + t.output();
        } else if (object instanceof Cast c) {
            return c.method() + ", " + c.context();
        } else if (object instanceof Operator o) {
            return "function " + o.function();
        } else if (object instanceof OperatorClass c) {
            return (c.isDefault() ? "default " : "") + "for type " + c.type() + " family " + c.family();
        } else if (object instanceof Conversion c) {
            return c.sourceEncoding() + " to " + c.targetEncoding() + " from " + c.function();
        } else if (object instanceof AccessMethod m) {
            return "type " + m.type() + " handler " + m.handler();
        } else if (object instanceof Transform t) {
            return (t.fromSql() == null ? "" : "from sql " + t.fromSql())
                    + (t.fromSql() != null && t.toSql() != null ? ", " : "")
                    + (t.toSql() == null ? "" : "to sql " + t.toSql());
        }
        return null;
    }

    /**
     * Returns the category of an object's being added or removed: {@link ChangeCategory#OWNERSHIP} for default
     * privileges, which are nothing but privileges, else {@link ChangeCategory#STRUCTURE}.
     */
    static ChangeCategory presenceCategory(Object object) {
        return object instanceof DefaultPrivileges ? OWNERSHIP : STRUCTURE;
    }

    /** {@code TABLE a, TABLE b, TABLES IN SCHEMA s}, as {@code CREATE PUBLICATION} names them. */
    private static List<String> forPublication(Publication pub) {
        List<String> parts = new ArrayList<>();
        pub.tables().forEach(t -> parts.add("TABLE " + t));
        pub.schemas().forEach(s -> parts.add("TABLES IN SCHEMA " + s));
        return parts;
    }

    private static String describe(DomainConstraint c) {
        return c.name() + " " + c.definition() + (c.validated() ? "" : " NOT VALID");
    }

    private static String describe(Attribute a) {
        return a.name() + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + a.collation());
    }
}
