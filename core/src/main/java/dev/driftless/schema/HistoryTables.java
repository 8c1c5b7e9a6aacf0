package dev.driftless.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code HistoryTables} recognises the history table of a migration tool by its name <em>and its columns</em>, as
 * that tool creates it on PostgreSQL. A table named {@code schema_migrations} with other columns is an application
 * table and is compared; one with golang-migrate's {@code (version bigint, dirty boolean)} is golang-migrate's history.
 * {@link DiffOptions#defaults()} leaves recognised tables out; {@link DiffOptions#includingTables} compares them.
 *
 * <p>The columns, as each tool's PostgreSQL DDL creates them (column names must be exactly these, without extra or
 * missing ones; a type, where given, must match by prefix, {@code character varying} matching
 * {@code character varying(128)}):
 * <ul>
 * <li>Driftless {@code driftless_schema_history}: {@code installed_rank, version, description, type, script,
 *     checksum, applied_at, duration_ms, success} and, since the state column, {@code state}
 *     ({@code HistoryTable} in this library);</li>
 * <li>Flyway {@code flyway_schema_history}: {@code installed_rank, version, description, type, script, checksum,
 *     installed_by, installed_on, execution_time, success} (Flyway's {@code createMetaDataTable.sql});</li>
 * <li>Liquibase {@code databasechangelog}: {@code id, author, filename, dateexecuted, orderexecuted, exectype,
 *     md5sum, description, comments, tag, liquibase, contexts, labels, deployment_id} (older versions without the last
 *     three), and {@code databasechangeloglock}: {@code id, locked, lockgranted, lockedby};</li>
 * <li>golang-migrate {@code schema_migrations}: {@code version bigint, dirty boolean} (its postgres driver);</li>
 * <li>dbmate and Rails (Active Record) {@code schema_migrations}: {@code version character varying}; Rails'
 *     {@code ar_internal_metadata}: {@code key, value, created_at, updated_at};</li>
 * <li>diesel {@code __diesel_schema_migrations}: {@code version, run_on};</li>
 * <li>Prisma {@code _prisma_migrations}: {@code id, checksum, finished_at, migration_name, logs, rolled_back_at,
 *     started_at, applied_steps_count};</li>
 * <li>sqitch: the tables of its registry schema {@code sqitch} ({@code changes, dependencies, events, projects,
 *     releases, tags});</li>
 * <li>Sourcegraph {@code migration_logs}: {@code id, migration_logs_schema_version, schema, version, up, started_at,
 *     finished_at, success, error_message, backfilled};</li>
 * <li>pop (Buffalo) {@code schema_migration}: {@code version character varying};</li>
 * <li>goose {@code goose_db_version}: {@code id, version_id, is_applied, tstamp}; sqlx {@code _sqlx_migrations}:
 *     {@code version, description, installed_on, success, checksum, execution_time}; Alembic
 *     {@code alembic_version}: {@code version_num}; Knex {@code knex_migrations}: {@code id, name, batch,
 *     migration_time} and {@code knex_migrations_lock}: {@code index, is_locked}; Django {@code django_migrations}:
 *     {@code id, app, name, applied}.</li>
 * </ul>
 */
public final class HistoryTables {

    /** One tool's history table: its name (and schema, when fixed), the columns it must have, those it may have. */
    private record Shape(String tool, String schema, String name, Map<String, String> columns, Set<String> optional) {

        static Shape of(String tool, String name, String... columns) {
            return new Shape(tool, null, name, typed(columns), Set.of());
        }

        Shape optionally(String... more) {
            return new Shape(tool, schema, name, columns, Set.of(more));
        }

        /** {@code "version:bigint"} is a column with a type prefix; {@code "version"} one of any type. */
        private static Map<String, String> typed(String... columns) {
            Map<String, String> typed = new LinkedHashMap<>();
            for (String column : columns) {
                int colon = column.indexOf(':');
                typed.put(colon < 0 ? column : column.substring(0, colon),
                        colon < 0 ? "" : column.substring(colon + 1));
            }
            return typed;
        }

        boolean matches(Table table) {
            if (!table.name().equals(name) || (schema != null && !schema.equals(table.schema()))) {
                return false;
            }
            Set<String> names = new TreeSet<>();
            for (Column column : table.columns()) {
                String type = columns.get(column.name());
                if (type == null && !optional.contains(column.name())) {
                    return false;
                }
                if (type != null && !column.type().startsWith(type)) {
                    return false;
                }
                names.add(column.name());
            }
            return names.containsAll(columns.keySet());
        }
    }

    private static final List<Shape> SHAPES = List.of(
            Shape.of("Driftless", "driftless_schema_history", "installed_rank", "version", "description", "type",
                    "script", "checksum", "applied_at", "duration_ms", "success").optionally("state"),
            Shape.of("Flyway", "flyway_schema_history", "installed_rank", "version", "description", "type", "script",
                    "checksum", "installed_by", "installed_on", "execution_time", "success"),
            Shape.of("Liquibase", "databasechangelog", "id", "author", "filename", "dateexecuted", "orderexecuted",
                    "exectype", "md5sum", "description", "comments", "tag", "liquibase")
                    .optionally("contexts", "labels", "deployment_id"),
            Shape.of("Liquibase", "databasechangeloglock", "id", "locked", "lockgranted", "lockedby"),
            Shape.of("golang-migrate", "schema_migrations", "version:bigint", "dirty:boolean"),
            Shape.of("dbmate or Rails", "schema_migrations", "version:character varying"),
            Shape.of("Rails", "ar_internal_metadata", "key", "value", "created_at", "updated_at"),
            Shape.of("diesel", "__diesel_schema_migrations", "version", "run_on"),
            Shape.of("Prisma", "_prisma_migrations", "id", "checksum", "finished_at", "migration_name", "logs",
                    "rolled_back_at", "started_at", "applied_steps_count"),
            Shape.of("Sourcegraph", "migration_logs", "id", "migration_logs_schema_version", "schema", "version", "up",
                    "started_at", "finished_at", "success", "error_message").optionally("backfilled"),
            Shape.of("pop", "schema_migration", "version:character varying"),
            Shape.of("goose", "goose_db_version", "id", "version_id", "is_applied", "tstamp"),
            Shape.of("sqlx", "_sqlx_migrations", "version", "description", "installed_on", "success", "checksum",
                    "execution_time"),
            Shape.of("Alembic", "alembic_version", "version_num"),
            Shape.of("Knex", "knex_migrations", "id", "name", "batch", "migration_time"),
            Shape.of("Knex", "knex_migrations_lock", "index", "is_locked"),
            Shape.of("Django", "django_migrations", "id", "app", "name", "applied"));

    private static final Set<String> SQITCH_TABLES =
            Set.of("changes", "dependencies", "events", "projects", "releases", "tags");

    private HistoryTables() {
    }

    /**
     * Tells which migration tool a table is the history table of.
     *
     * @param table the table
     * @return the tool's name ({@code Flyway}, {@code golang-migrate}, ...), or empty for any other table
     */
    public static Optional<String> toolOf(Table table) {
        if (table.schema().equals("sqitch") && SQITCH_TABLES.contains(table.name())) {
            return Optional.of("sqitch");
        }
        return SHAPES.stream().filter(s -> s.matches(table)).map(Shape::tool).findFirst();
    }

    /**
     * Tells whether a table is a migration tool's history table.
     *
     * @param table the table
     * @return {@code true} when {@link #toolOf} names a tool
     */
    public static boolean isHistoryTable(Table table) {
        return toolOf(table).isPresent();
    }
}
