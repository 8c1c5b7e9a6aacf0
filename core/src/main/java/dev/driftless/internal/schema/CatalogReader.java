package dev.driftless.internal.schema;

import dev.driftless.schema.Aggregate;
import dev.driftless.schema.AccessMethod;
import dev.driftless.schema.Attribute;
import dev.driftless.schema.BaseType;
import dev.driftless.schema.Cast;
import dev.driftless.schema.Collation;
import dev.driftless.schema.Column;
import dev.driftless.schema.CompositeType;
import dev.driftless.schema.Constraint;
import dev.driftless.schema.ConstraintType;
import dev.driftless.schema.DefaultPrivileges;
import dev.driftless.schema.Conversion;
import dev.driftless.schema.Domain;
import dev.driftless.schema.DomainConstraint;
import dev.driftless.schema.EnumType;
import dev.driftless.schema.EventTrigger;
import dev.driftless.schema.Extension;
import dev.driftless.schema.ForeignDataWrapper;
import dev.driftless.schema.ForeignKey;
import dev.driftless.schema.ForeignServer;
import dev.driftless.schema.ForeignTable;
import dev.driftless.schema.Routine;
import dev.driftless.schema.Index;
import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.Operator;
import dev.driftless.schema.OperatorClass;
import dev.driftless.schema.OperatorFamily;
import dev.driftless.schema.Policy;
import dev.driftless.schema.Rule;
import dev.driftless.schema.Publication;
import dev.driftless.schema.RangeType;
import dev.driftless.schema.Schema;
import dev.driftless.schema.SchemaFilter;
import dev.driftless.schema.SchemaSnapshot;
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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CatalogReader} reads a {@link SchemaSnapshot} with one set-based query per object kind (at most thirty-eight
 * queries, whatever the number of tables), on a connection already in a read-only transaction with
 * {@code search_path = pg_catalog} (so every printed name outside {@code pg_catalog} is schema-qualified).
 */
public final class CatalogReader {

    private final Connection connection;
    private final int major;
    private final SchemaFilter filter;
    /** Indexes, triggers, rules and extended statistics by {@code schema.relation}, of tables and views. */
    private final Map<String, List<Index>> indexes = new HashMap<>();
    private final Map<String, List<Trigger>> triggers = new HashMap<>();
    private final Map<String, List<Rule>> rules = new HashMap<>();
    private final Map<String, List<Statistics>> statistics = new HashMap<>();
    /** Columns by {@code schema.relation}, of tables and of foreign tables; read with the tables. */
    private final Map<String, List<Column>> columns = new HashMap<>();

    /**
     * Creates a reader.
     *
     * @param connection the connection, prepared as described above
     * @param major the server's major version, which chooses the queries
     * @param filter what to read
     */
    public CatalogReader(Connection connection, int major, SchemaFilter filter) {
        this.connection = connection;
        this.major = major;
        this.filter = filter;
    }

    /**
     * Reads the snapshot.
     *
     * @return the snapshot
     * @throws SQLException when a catalog query fails
     */
    public SchemaSnapshot read() throws SQLException {
        List<Schema> schemas = readSchemas();
        String[] names = schemas.stream().map(Schema::name).toArray(String[]::new);
        return new SchemaSnapshot(
                filter.includes(ObjectKind.SCHEMA) ? schemas : List.of(),
                filter.includes(ObjectKind.EXTENSION) ? readExtensions() : List.of(),
                filter.includes(ObjectKind.TABLE) ? readTables(names) : readTablesForViews(names),
                filter.includes(ObjectKind.VIEW) || filter.includes(ObjectKind.MATERIALIZED_VIEW)
                        ? readViews(names) : List.of(),
                filter.includes(ObjectKind.SEQUENCE) ? readSequences(names) : List.of(),
                filter.includes(ObjectKind.FUNCTION) || filter.includes(ObjectKind.PROCEDURE)
                        || filter.includes(ObjectKind.AGGREGATE) ? readFunctions(names) : List.of(),
                filter.includes(ObjectKind.ENUM) ? readEnums(names) : List.of(),
                filter.includes(ObjectKind.DOMAIN) ? readDomains(names) : List.of(),
                filter.includes(ObjectKind.COMPOSITE_TYPE) ? readCompositeTypes(names) : List.of(),
                filter.includes(ObjectKind.COLLATION) ? readCollations(names) : List.of(),
                filter.includes(ObjectKind.DEFAULT_PRIVILEGES) ? readDefaultPrivileges(names) : List.of(),
                filter.includes(ObjectKind.TEXT_SEARCH_CONFIGURATION) ? readTextSearchConfigurations(names) : List.of(),
                filter.includes(ObjectKind.TEXT_SEARCH_DICTIONARY) ? readTextSearchDictionaries(names) : List.of(),
                filter.includes(ObjectKind.TEXT_SEARCH_PARSER) ? readTextSearchParsers(names) : List.of(),
                filter.includes(ObjectKind.TEXT_SEARCH_TEMPLATE) ? readTextSearchTemplates(names) : List.of(),
                filter.includes(ObjectKind.PUBLICATION) ? readPublications(names) : List.of(),
                filter.includes(ObjectKind.EVENT_TRIGGER) ? readEventTriggers() : List.of(),
                filter.includes(ObjectKind.FOREIGN_DATA_WRAPPER) ? readForeignDataWrappers() : List.of(),
                filter.includes(ObjectKind.FOREIGN_SERVER) ? readForeignServers() : List.of(),
                filter.includes(ObjectKind.USER_MAPPING) ? readUserMappings() : List.of(),
                filter.includes(ObjectKind.FOREIGN_TABLE) ? readForeignTables(names) : List.of(),
                filter.includes(ObjectKind.RANGE_TYPE) ? readRangeTypes(names) : List.of(),
                filter.includes(ObjectKind.BASE_TYPE) ? readBaseTypes(names) : List.of(),
                filter.includes(ObjectKind.CAST) ? readCasts(names) : List.of(),
                filter.includes(ObjectKind.OPERATOR) ? readOperators(names) : List.of(),
                filter.includes(ObjectKind.OPERATOR_CLASS) ? readOperatorClasses(names) : List.of(),
                filter.includes(ObjectKind.OPERATOR_FAMILY) ? readOperatorFamilies(names) : List.of(),
                filter.includes(ObjectKind.CONVERSION) ? readConversions(names) : List.of(),
                filter.includes(ObjectKind.ACCESS_METHOD) ? readAccessMethods(names) : List.of(),
                filter.includes(ObjectKind.TRANSFORM) ? readTransforms(names) : List.of(),
                readNotCompared(names));
    }

    private String sql(String name) {
        return CatalogQueries.query(name, major);
    }

    private List<Schema> readSchemas() throws SQLException {
        List<Schema> schemas = new ArrayList<>();
        Rows.query(connection, sql("schemas"), null, row -> {
            String name = row.string("name");
            if (filter.readsSchema(name) && !filter.excluded().contains(name)) {
                schemas.add(new Schema(name, row.string("owner"), row.strings("privileges"), row.string("comment")));
            }
        });
        return schemas;
    }

    private List<Extension> readExtensions() throws SQLException {
        List<Extension> extensions = new ArrayList<>();
        Rows.query(connection, sql("extensions"), null, row -> {
            // An extension belongs to the schema it is installed in: read only with it.
            String schema = row.string("schema");
            if (filter.readsSchema(schema) && !filter.excludes(schema, row.string("name"))) {
                extensions.add(new Extension(row.string("name"), schema, row.string("version"),
                        row.string("comment")));
            }
        });
        return extensions;
    }

    /** Reads nothing when views are left out too; else the tables' parts, which include the views' parts. */
    private List<Table> readTablesForViews(String[] schemas) throws SQLException {
        if (filter.includes(ObjectKind.VIEW) || filter.includes(ObjectKind.MATERIALIZED_VIEW)) {
            readTables(schemas);
        }
        return List.of();
    }

    private List<Table> readTables(String[] schemas) throws SQLException {
        Map<String, List<Constraint>> constraints = new HashMap<>();
        Map<String, List<Policy>> policies = new HashMap<>();
        // Constraints and indexes name their columns by number; the columns query, run for any of these kinds,
        // gives the names (plain, and quoted as index definitions print them).
        Map<String, Map<Integer, String>> columnNames = new HashMap<>();
        Map<String, Map<Integer, String>> quotedNames = new HashMap<>();
        if (filter.includes(ObjectKind.COLUMN) || filter.includes(ObjectKind.CONSTRAINT)
                || filter.includes(ObjectKind.INDEX)) {
            Rows.query(connection, sql("columns"), schemas, row -> {
                String table = row.string("schema") + "." + row.string("table_name");
                columnNames.computeIfAbsent(table, k -> new HashMap<>()).put(row.integer("attnum"), row.string("name"));
                quotedNames.computeIfAbsent(table, k -> new HashMap<>())
                        .put(row.integer("attnum"), row.string("quoted_name"));
                List<Column> tableColumns = partsOf(columns, row);
                tableColumns.add(new Column(
                        row.string("name"), tableColumns.size() + 1, row.string("type"), row.bool("not_null"),
                        row.string("default_value"), row.string("identity"), row.string("generated"),
                        row.string("collation"), row.string("compression"), row.string("identity_sequence"),
                        row.nullableInteger("statistics_target"), row.string("storage"), row.string("inheritance"),
                        row.string("comment"), row.strings("privileges")));
            });
            if (!filter.includes(ObjectKind.COLUMN)) {
                columns.clear();
            }
        }
        if (filter.includes(ObjectKind.CONSTRAINT)) {
            Rows.query(connection, sql("constraints"), schemas,
                    row -> partsOf(constraints, row).add(constraint(row, columnNames)));
        }
        if (filter.includes(ObjectKind.INDEX)) {
            Rows.query(connection, sql("indexes"), schemas, row -> partsOf(indexes, row).add(index(row,
                    quotedNames.getOrDefault(row.string("schema") + "." + row.string("table_name"), Map.of()))));
        }
        if (filter.includes(ObjectKind.TRIGGER)) {
            Rows.query(connection, sql("triggers"), schemas, row -> partsOf(triggers, row).add(new Trigger(
                    row.string("name"), row.string("definition"), row.string("enabled"), row.string("comment"))));
        }
        if (filter.includes(ObjectKind.POLICY)) {
            Rows.query(connection, sql("policies"), schemas, row -> partsOf(policies, row).add(new Policy(
                    row.string("name"), row.string("command"), row.bool("permissive"), row.strings("roles"),
                    row.string("using_expression"), row.string("with_check"))));
        }
        readRulesAndStatistics(schemas);
        List<Table> tables = new ArrayList<>();
        Rows.query(connection, sql("tables"), schemas, row -> {
            String schema = row.string("schema");
            String name = row.string("name");
            if (filter.excludes(schema, name)) {
                return;
            }
            String key = schema + "." + name;
            boolean partition = row.bool("is_partition");
            List<String> parents = row.strings("parents");
            tables.add(new Table(schema, name, row.bool("unlogged"), row.string("partition_key"),
                    partition && !parents.isEmpty() ? parents.get(0) : null, row.string("partition_bound"),
                    partition ? List.of() : parents, row.strings("options"), row.bool("row_security"),
                    row.bool("force_row_security"), row.string("replica_identity"), row.string("owner"),
                    row.strings("privileges"), row.string("comment"), columns.get(key), constraints.get(key), indexes.get(key),
                    triggers.get(key), policies.get(key), rules.get(key), statistics.get(key), row.string("tablespace")));
        });
        return tables;
    }

    /** Reads the rules (of tables and views) and extended statistics (of tables and materialized views). */
    private void readRulesAndStatistics(String[] schemas) throws SQLException {
        if (filter.includes(ObjectKind.RULE)) {
            Rows.query(connection, sql("rules"), schemas, row -> partsOf(rules, row).add(new Rule(row.string("name"),
                    row.string("event"), row.string("definition"), row.string("enabled"), row.string("comment"))));
        }
        if (filter.includes(ObjectKind.STATISTICS)) {
            Rows.query(connection, sql("statistics"), schemas, row -> partsOf(statistics, row).add(new Statistics(
                    row.string("statistics_schema"), row.string("name"), row.strings("kinds"), row.string("columns"),
                    row.nullableInteger("statistics_target"), row.string("owner"), row.string("comment"))));
        }
    }

    private static <T> List<T> partsOf(Map<String, List<T>> parts, Rows row) throws SQLException {
        return parts.computeIfAbsent(row.string("schema") + "." + row.string("table_name"), k -> new ArrayList<>());
    }

    private static Index index(Rows row, Map<Integer, String> quotedNames) throws SQLException {
        boolean unique = row.bool("is_unique");
        List<Integer> numbers = row.numbers("column_numbers");
        int keyCount = row.integer("key_count");
        List<String> keys = row.string("keys") == null ? names(quotedNames, numbers.subList(0, keyCount))
                : row.strings("keys");
        List<String> include = names(quotedNames, numbers.subList(keyCount, numbers.size()));
        String predicate = row.string("predicate");
        boolean nullsNotDistinct = row.bool("nulls_not_distinct");
        List<String> options = row.strings("options");
        StringBuilder definition = new StringBuilder("CREATE ").append(unique ? "UNIQUE " : "").append("INDEX ")
                .append(row.string("quoted_name")).append(" ON ").append(row.string("quoted_table"))
                .append(" USING ").append(row.string("method")).append(" (").append(String.join(", ", keys))
                .append(')');
        if (!include.isEmpty()) {
            definition.append(" INCLUDE (").append(String.join(", ", include)).append(')');
        }
        if (nullsNotDistinct) {
            definition.append(" NULLS NOT DISTINCT");
        }
        if (!options.isEmpty()) {
            definition.append(" WITH (").append(String.join(", ", options)).append(')');
        }
        if (predicate != null) {
            definition.append(" WHERE (").append(predicate).append(')');
        }
        return new Index(row.string("name"), row.string("method"), unique, keys, include, predicate,
                nullsNotDistinct, options, definition.toString(), row.string("constraint_name"),
                row.string("comment"), row.string("tablespace"));
    }

    private static List<String> names(Map<Integer, String> names, List<Integer> numbers) {
        List<String> result = new ArrayList<>(numbers.size());
        for (Integer number : numbers) {
            // 0 stands for an expression (e.g. EXCLUDE USING gist (tstzrange(a, b) WITH &&)); the definition has it.
            String name = names.get(number);
            if (name != null) {
                result.add(name);
            }
        }
        return result;
    }

    private static Constraint constraint(Rows row, Map<String, Map<Integer, String>> columnNames)
            throws SQLException {
        Map<Integer, String> own = columnNames.getOrDefault(row.string("schema") + "." + row.string("table_name"),
                Map.of());
        ConstraintType type = switch (row.string("type")) {
            case "p" -> ConstraintType.PRIMARY_KEY;
            case "u" -> ConstraintType.UNIQUE;
            case "f" -> ConstraintType.FOREIGN_KEY;
            case "c" -> ConstraintType.CHECK;
            default -> ConstraintType.EXCLUSION;
        };
        ForeignKey foreignKey = null;
        if (type == ConstraintType.FOREIGN_KEY) {
            String referenced = row.string("referenced_table");
            List<String> referencedColumns = columnNames.containsKey(referenced)
                    ? names(columnNames.get(referenced), row.numbers("referenced_column_numbers"))
                    : row.strings("referenced_columns_elsewhere");
            foreignKey = new ForeignKey(referenced, referencedColumns, action(row.string("on_delete")),
                    action(row.string("on_update")), match(row.string("match_type")));
        }
        return new Constraint(row.string("name"), type, names(own, row.numbers("column_numbers")),
                row.string("definition"),
                foreignKey, row.bool("deferrable"), row.bool("initially_deferred"), row.bool("validated"),
                row.string("comment"));
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String match(String code) {
        return switch (code) {
            case "f" -> "FULL";
            case "p" -> "PARTIAL";
            default -> "SIMPLE";
        };
    }

    private List<View> readViews(String[] schemas) throws SQLException {
        List<View> views = new ArrayList<>();
        Rows.query(connection, sql("views"), schemas, row -> {
            boolean materialized = row.bool("materialized");
            if (filter.excludes(row.string("schema"), row.string("name"))
                    || !filter.includes(materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW)) {
                return;
            }
            String key = row.string("schema") + "." + row.string("name");
            views.add(new View(row.string("schema"), row.string("name"), materialized, row.string("definition"),
                    row.strings("options"), row.string("owner"), row.strings("privileges"), row.string("comment"),
                    indexes.get(key), triggers.get(key), rules.get(key), statistics.get(key), row.string("tablespace")));
        });
        return views;
    }

    private List<Sequence> readSequences(String[] schemas) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        Rows.query(connection, sql("sequences"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                sequences.add(new Sequence(row.string("schema"), row.string("name"), row.string("data_type"),
                        row.number("start_value"), row.number("increment"), row.number("min_value"),
                        row.number("max_value"), row.number("cache"), row.bool("cycle"), row.string("owned_by"),
                        row.string("owner"), row.strings("privileges"), row.string("comment")));
            }
        });
        return sequences;
    }

    private List<Routine> readFunctions(String[] schemas) throws SQLException {
        List<Routine> functions = new ArrayList<>();
        Rows.query(connection, sql("functions"), schemas, row -> {
            boolean procedure = row.bool("procedure");
            ObjectKind kind = row.bool("aggregate") ? ObjectKind.AGGREGATE
                    : procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION;
            if (filter.excludes(row.string("schema"), row.string("name")) || !filter.includes(kind)) {
                return;
            }
            functions.add(new Routine(row.string("schema"), row.string("name"), row.string("argument_types"),
                    procedure, row.string("arguments"), row.string("returns"), row.string("language"),
                    row.string("volatility"), row.bool("strict"), row.bool("security_definer"),
                    row.string("parallel"), row.strings("settings"), row.string("body"), row.string("owner"),
                    row.strings("privileges"), row.string("comment"), aggregate(row)));
        });
        return functions;
    }

    private List<EnumType> readEnums(String[] schemas) throws SQLException {
        List<EnumType> enums = new ArrayList<>();
        Rows.query(connection, sql("enums"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                enums.add(new EnumType(row.string("schema"), row.string("name"), row.strings("labels"),
                        row.string("owner"), row.string("comment")));
            }
        });
        return enums;
    }

    private List<Domain> readDomains(String[] schemas) throws SQLException {
        List<Domain> domains = new ArrayList<>();
        Rows.query(connection, sql("domains"), schemas, row -> {
            if (filter.excludes(row.string("schema"), row.string("name"))) {
                return;
            }
            List<String> names = row.strings("constraint_names");
            List<String> definitions = row.strings("constraint_definitions");
            List<Boolean> validated = row.booleans("constraint_validated");
            List<DomainConstraint> constraints = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                constraints.add(new DomainConstraint(names.get(i), definitions.get(i), validated.get(i)));
            }
            domains.add(new Domain(row.string("schema"), row.string("name"), row.string("base_type"),
                    row.bool("not_null"), row.string("default_value"), row.string("collation"), constraints,
                    row.string("owner"), row.string("comment")));
        });
        return domains;
    }

    private List<Collation> readCollations(String[] schemas) throws SQLException {
        List<Collation> collations = new ArrayList<>();
        Rows.query(connection, sql("collations"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                collations.add(new Collation(row.string("schema"), row.string("name"), row.string("provider"),
                        row.string("lc_collate"), row.string("lc_ctype"), row.string("locale"), row.string("rules"),
                        row.bool("deterministic"), row.string("owner"), row.string("comment")));
            }
        });
        return collations;
    }

    /**
     * Reads the default privileges of the snapshot's schemas; the database-wide ones only when the filter reads every
     * schema, since they belong to no schema (a snapshot of {@code schemas("app")} holds only what is in app).
     */
    private List<DefaultPrivileges> readDefaultPrivileges(String[] schemas) throws SQLException {
        List<DefaultPrivileges> entries = new ArrayList<>();
        Rows.query(connection, sql("default_privileges"), schemas, row -> {
            String schema = row.string("schema");
            if (schema != null || filter.schemas().isEmpty()) {
                entries.add(new DefaultPrivileges(row.string("role"), schema, row.string("object_type"),
                        row.strings("privileges")));
            }
        });
        return entries;
    }

    private Map<String, Integer> readNotCompared(String[] schemas) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        Rows.query(connection, sql("not_compared"), schemas, row -> counts.put(row.string("kind"), row.integer("count")));
        return counts;
    }

    private List<CompositeType> readCompositeTypes(String[] schemas) throws SQLException {
        List<CompositeType> types = new ArrayList<>();
        Rows.query(connection, sql("composite_types"), schemas, row -> {
            if (filter.excludes(row.string("schema"), row.string("name"))) {
                return;
            }
            List<String> names = row.strings("attribute_names");
            List<String> attributeTypes = row.strings("attribute_types");
            List<String> collations = row.strings("attribute_collations");
            List<Attribute> attributes = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                attributes.add(new Attribute(names.get(i), attributeTypes.get(i), collations.get(i)));
            }
            types.add(new CompositeType(row.string("schema"), row.string("name"), attributes, row.string("owner"),
                    row.string("comment")));
        });
        return types;
    }

    /** An aggregate's own parts, or {@code null} for a function or procedure. */
    private static Aggregate aggregate(Rows row) throws SQLException {
        if (!row.bool("aggregate")) {
            return null;
        }
        return new Aggregate(row.string("aggregate_kind"), row.string("state_function"), row.string("state_type"),
                row.string("final_function"), row.string("combine_function"), row.string("initial_condition"),
                row.string("sort_operator"), row.string("moving"));
    }

    private List<TextSearchConfiguration> readTextSearchConfigurations(String[] schemas) throws SQLException {
        List<TextSearchConfiguration> configurations = new ArrayList<>();
        Rows.query(connection, sql("text_search_configurations"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                configurations.add(new TextSearchConfiguration(row.string("schema"), row.string("name"),
                        row.string("parser"), row.strings("mapping"), row.string("owner"), row.string("comment")));
            }
        });
        return configurations;
    }

    private List<TextSearchDictionary> readTextSearchDictionaries(String[] schemas) throws SQLException {
        List<TextSearchDictionary> dictionaries = new ArrayList<>();
        Rows.query(connection, sql("text_search_dictionaries"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                dictionaries.add(new TextSearchDictionary(row.string("schema"), row.string("name"),
                        row.string("template"), row.string("options"), row.string("owner"), row.string("comment")));
            }
        });
        return dictionaries;
    }

    private List<TextSearchParser> readTextSearchParsers(String[] schemas) throws SQLException {
        List<TextSearchParser> parsers = new ArrayList<>();
        Rows.query(connection, sql("text_search_parsers"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                parsers.add(new TextSearchParser(row.string("schema"), row.string("name"),
                        row.string("start_function"), row.string("token_function"), row.string("end_function"),
                        row.string("lextypes_function"), row.string("headline_function"), row.string("comment")));
            }
        });
        return parsers;
    }

    private List<TextSearchTemplate> readTextSearchTemplates(String[] schemas) throws SQLException {
        List<TextSearchTemplate> templates = new ArrayList<>();
        Rows.query(connection, sql("text_search_templates"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                templates.add(new TextSearchTemplate(row.string("schema"), row.string("name"),
                        row.string("init_function"), row.string("lexize_function"), row.string("comment")));
            }
        });
        return templates;
    }

    /** Publications are database-wide; they list only their tables and schemas among the snapshot's schemas. */
    private List<Publication> readPublications(String[] schemas) throws SQLException {
        List<Publication> publications = new ArrayList<>();
        Rows.query(connection, sql("publications"), schemas, row -> {
            if (!filter.excluded().contains(row.string("name"))) {
                publications.add(new Publication(row.string("name"), row.bool("all_tables"),
                        row.strings("operations"), row.bool("via_root"), row.string("generated_columns"),
                        row.strings("tables"), row.strings("schemas"), row.string("owner"), row.string("comment")));
            }
        });
        return publications;
    }

    private List<EventTrigger> readEventTriggers() throws SQLException {
        List<EventTrigger> eventTriggers = new ArrayList<>();
        Rows.query(connection, sql("event_triggers"), null, row -> {
            if (!filter.excluded().contains(row.string("name"))) {
                eventTriggers.add(new EventTrigger(row.string("name"), row.string("event"), row.string("function"),
                        row.strings("tags"), row.string("enabled"), row.string("owner"), row.string("comment")));
            }
        });
        return eventTriggers;
    }

    private List<ForeignDataWrapper> readForeignDataWrappers() throws SQLException {
        List<ForeignDataWrapper> wrappers = new ArrayList<>();
        Rows.query(connection, sql("foreign_data_wrappers"), null, row -> {
            if (!filter.excluded().contains(row.string("name"))) {
                wrappers.add(new ForeignDataWrapper(row.string("name"), row.string("handler"),
                        row.string("validator"), row.strings("options"), row.string("owner"),
                        row.strings("privileges"), row.string("comment")));
            }
        });
        return wrappers;
    }

    private List<ForeignServer> readForeignServers() throws SQLException {
        List<ForeignServer> servers = new ArrayList<>();
        Rows.query(connection, sql("foreign_servers"), null, row -> {
            if (!filter.excluded().contains(row.string("name"))) {
                servers.add(new ForeignServer(row.string("name"), row.string("wrapper"), row.string("type"),
                        row.string("version"), row.strings("options"), row.string("owner"),
                        row.strings("privileges"), row.string("comment")));
            }
        });
        return servers;
    }

    /** Which user has a mapping on which server, and its option names: the query reads no option value. */
    private List<UserMapping> readUserMappings() throws SQLException {
        List<UserMapping> mappings = new ArrayList<>();
        Rows.query(connection, sql("user_mappings"), null, row -> mappings.add(new UserMapping(
                row.string("user_name"), row.string("server"), row.strings("option_names"))));
        return mappings;
    }

    /** Foreign tables, with the columns read with the tables (none when columns are not read). */
    private List<ForeignTable> readForeignTables(String[] schemas) throws SQLException {
        List<ForeignTable> foreignTables = new ArrayList<>();
        Rows.query(connection, sql("foreign_tables"), schemas, row -> {
            String schema = row.string("schema");
            String name = row.string("name");
            if (!filter.excludes(schema, name)) {
                foreignTables.add(new ForeignTable(schema, name, row.string("server"), row.strings("options"),
                        columns.get(schema + "." + name), row.strings("constraints"), row.strings("parents"),
                        row.string("partition_bound"), row.strings("column_options"), row.string("owner"),
                        row.strings("privileges"), row.string("comment")));
            }
        });
        return foreignTables;
    }

    private List<RangeType> readRangeTypes(String[] schemas) throws SQLException {
        List<RangeType> types = new ArrayList<>();
        Rows.query(connection, sql("range_types"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                types.add(new RangeType(row.string("schema"), row.string("name"), row.string("subtype"),
                        row.string("subtype_opclass"), row.string("collation"), row.string("canonical"),
                        row.string("subtype_diff"), row.string("multirange_type"), row.string("owner"),
                        row.string("comment")));
            }
        });
        return types;
    }

    private List<BaseType> readBaseTypes(String[] schemas) throws SQLException {
        List<BaseType> types = new ArrayList<>();
        Rows.query(connection, sql("base_types"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                types.add(new BaseType(row.string("schema"), row.string("name"), row.bool("shell"),
                        row.string("input"), row.string("output"), row.string("receive"), row.string("send"),
                        row.string("typmod_in"), row.string("typmod_out"), row.string("analyze"),
                        row.string("subscript"), row.string("internal_length"), row.bool("passed_by_value"),
                        row.string("alignment"), row.string("storage"), row.string("category"),
                        row.bool("preferred"), row.string("default_value"), row.string("element"),
                        row.string("delimiter"), row.bool("collatable"), row.string("owner"), row.string("comment")));
            }
        });
        return types;
    }

    private List<Cast> readCasts(String[] schemas) throws SQLException {
        List<Cast> casts = new ArrayList<>();
        Rows.query(connection, sql("casts"), schemas, row -> {
            Cast cast = new Cast(row.string("source"), row.string("target"), row.string("method"),
                    row.string("context"), row.string("comment"));
            if (!filter.excludes(null, cast.id().name())) {
                casts.add(cast);
            }
        });
        return casts;
    }

    private List<Operator> readOperators(String[] schemas) throws SQLException {
        List<Operator> operators = new ArrayList<>();
        Rows.query(connection, sql("operators"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                operators.add(new Operator(row.string("schema"), row.string("name"), row.string("left_type"),
                        row.string("right_type"), row.string("function"), row.string("commutator"),
                        row.string("negator"), row.string("restrict"), row.string("join_function"),
                        row.bool("hashes"), row.bool("merges"), row.string("owner"), row.string("comment")));
            }
        });
        return operators;
    }

    private List<OperatorClass> readOperatorClasses(String[] schemas) throws SQLException {
        List<OperatorClass> classes = new ArrayList<>();
        Rows.query(connection, sql("operator_classes"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                classes.add(new OperatorClass(row.string("schema"), row.string("name"), row.string("method"),
                        row.string("type"), row.bool("is_default"), row.string("family"), row.string("storage"),
                        row.strings("operators"), row.strings("functions"), row.string("owner"),
                        row.string("comment")));
            }
        });
        return classes;
    }

    private List<OperatorFamily> readOperatorFamilies(String[] schemas) throws SQLException {
        List<OperatorFamily> families = new ArrayList<>();
        Rows.query(connection, sql("operator_families"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                families.add(new OperatorFamily(row.string("schema"), row.string("name"), row.string("method"),
                        row.strings("operators"), row.strings("functions"), row.string("owner"),
                        row.string("comment")));
            }
        });
        return families;
    }

    private List<Conversion> readConversions(String[] schemas) throws SQLException {
        List<Conversion> conversions = new ArrayList<>();
        Rows.query(connection, sql("conversions"), schemas, row -> {
            if (!filter.excludes(row.string("schema"), row.string("name"))) {
                conversions.add(new Conversion(row.string("schema"), row.string("name"),
                        row.string("source_encoding"), row.string("target_encoding"), row.string("function"),
                        row.bool("is_default"), row.string("owner"), row.string("comment")));
            }
        });
        return conversions;
    }

    private List<AccessMethod> readAccessMethods(String[] schemas) throws SQLException {
        List<AccessMethod> methods = new ArrayList<>();
        Rows.query(connection, sql("access_methods"), schemas, row -> {
            if (!filter.excludes(null, row.string("name"))) {
                methods.add(new AccessMethod(row.string("name"), row.string("type"), row.string("handler"),
                        row.string("comment")));
            }
        });
        return methods;
    }

    private List<Transform> readTransforms(String[] schemas) throws SQLException {
        List<Transform> transforms = new ArrayList<>();
        Rows.query(connection, sql("transforms"), schemas, row -> {
            Transform transform = new Transform(row.string("type"), row.string("language"), row.string("from_sql"),
                    row.string("to_sql"), row.string("comment"));
            if (!filter.excludes(null, transform.id().name())) {
                transforms.add(transform);
            }
        });
        return transforms;
    }
}
