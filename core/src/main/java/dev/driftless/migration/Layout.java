package dev.driftless.migration;

/**
 * {@code Layout} is a way of laying out migration files that {@link MigrationChain} understands.
 *
 * <p>{@link MigrationChain#at(String)} detects the layout from the files it finds;
 * {@link MigrationChain#at(String, Layout)} names it explicitly, so that a file fitting no pattern of that layout is
 * reported instead of making detection pick another one.
 */
public enum Layout {

    /**
     * {@code NUMBERED} is numbered or timestamped files: {@code 001_initial.sql}, {@code 20251113064143_add_x.sql},
     * with rollbacks {@code 001_initial.down.sql}, {@code 001_initial.rollback.sql} or {@code 004_rollback.sql}.
     * {@code .autocommit.} in a name ({@code 005_index.autocommit.sql}) runs it outside a transaction.
     */
    NUMBERED("numbered files", "001_initial.sql, 001_initial.down.sql, 001_initial.rollback.sql, 001_rollback.sql"),

    /**
     * {@code FLYWAY} is Flyway's naming: {@code V1__init.sql}, {@code V1.1__x.sql}, undo {@code U1__init.sql}, repeatable
     * {@code R__views.sql} (run after the versioned ones whenever its checksum changes), baseline {@code B5__x.sql}
     * (the schema at version 5: a new database starts from the newest baseline, see
     * {@link MigrationChain#baselines()}). A companion {@code V1__init.sql.conf} with {@code executeInTransaction=false}
     * runs it outside a transaction.
     */
    FLYWAY("Flyway", "V1__init.sql, V1.1__add_x.sql, U1__init.sql, R__views.sql, B2__baseline.sql"),

    /**
     * {@code GOLANG_MIGRATE} is golang-migrate's naming: {@code 1_init.up.sql} and {@code 1_init.down.sql}. A file is
     * sent as one query, so one of several statements runs as one transaction.
     */
    GOLANG_MIGRATE("golang-migrate", "1_init.up.sql, 1_init.down.sql"),

    /**
     * {@code FOLDER_PER_MIGRATION} is one folder per migration (diesel, sourcegraph): {@code 2019-01-01-000000_x/up.sql}
     * and {@code down.sql}. A folder with sourcegraph's {@code metadata.yaml} (or a {@code squashed.sql} beside the
     * folders) is read by sourcegraph's rules: the {@code parents:} graph orders the migrations, {@code squashed.sql} is
     * the master schema ({@link MigrationChain#masterSchema()}), {@code createIndexConcurrently: true} runs the up
     * script outside a transaction. Otherwise diesel's rules apply: versions in the order of their text,
     * {@code metadata.toml} {@code run_in_transaction = false} runs the migration outside a transaction, every other
     * one in a transaction.
     */
    FOLDER_PER_MIGRATION("folder per migration", "2019-01-01-000000_create_x/up.sql, 2019-01-01-000000_create_x/down.sql"),

    /**
     * {@code PRISMA} is Prisma Migrate's folders: {@code 20240101120000_init/migration.sql}; no down scripts. A file is
     * sent as one query, so one of several statements runs as one transaction.
     */
    PRISMA("Prisma", "20240101120000_init/migration.sql"),

    /**
     * {@code DBMATE} is dbmate's files: {@code 20240101120000_init.sql} holding a {@code -- migrate:up} and a
     * {@code -- migrate:down} section, each run in a transaction; {@code -- migrate:up transaction:false} runs that
     * section outside one.
     */
    DBMATE("dbmate", "20240101120000_init.sql with '-- migrate:up' and '-- migrate:down' sections"),

    /**
     * {@code SQITCH} is a sqitch project: {@code sqitch.plan} orders the changes, {@code deploy/x.sql} and
     * {@code revert/x.sql} hold them, run as psql runs them; a reworked change's earlier instances use
     * {@code deploy/x@tag.sql}, of the first tag after them whose script exists.
     */
    SQITCH("sqitch", "sqitch.plan, deploy/x.sql, revert/x.sql, verify/x.sql"),

    /**
     * {@code POP} is pop's (gobuffalo/pop, Ory's popx) naming: {@code 20240101120000_init.up.sql}, with dialect
     * variants {@code 20240101120000_init.postgres.up.sql} (which win over the generic file; those of other dialects
     * are not run) and {@code .postgres.autocommit.up.sql} (run outside a transaction; every other migration runs in
     * one). Versions run in the order of their text.
     */
    POP("pop", "20240101120000_init.up.sql, 20240101120000_init.postgres.up.sql, 20240101120000_init.down.sql"),

    /**
     * {@code MANIFEST} is a folder per version with a manifest listing its files, as temporal's and cadence's schema
     * tools lay them out: {@code v1.0/manifest.json} with {@code CurrVersion} and {@code SchemaUpdateCqlFiles}; each
     * statement runs on its own, outside a transaction; no down scripts.
     */
    MANIFEST("manifest", "v1.0/manifest.json listing v1.0/base.sql"),

    /** {@code MASTER_SCHEMA} is one script that builds the whole schema: a chain of one migration. */
    MASTER_SCHEMA("master schema", "schema.sql");

    private final String displayName;
    private final String examples;

    Layout(String displayName, String examples) {
        this.displayName = displayName;
        this.examples = examples;
    }

    /** @return the layout's name for messages, e.g. {@code golang-migrate} */
    public String displayName() {
        return displayName;
    }

    /** @return example file names of this layout, for messages */
    public String examples() {
        return examples;
    }
}
