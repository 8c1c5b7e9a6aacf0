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
     * {@code R__views.sql} (run after the versioned ones whenever its checksum changes). A companion
     * {@code V1__init.sql.conf} with {@code executeInTransaction=false} runs it outside a transaction.
     */
    FLYWAY("Flyway", "V1__init.sql, V1.1__add_x.sql, U1__init.sql, R__views.sql"),

    /** {@code GOLANG_MIGRATE} is golang-migrate's naming: {@code 1_init.up.sql} and {@code 1_init.down.sql}. */
    GOLANG_MIGRATE("golang-migrate", "1_init.up.sql, 1_init.down.sql"),

    /**
     * {@code FOLDER_PER_MIGRATION} is one folder per migration (diesel, sourcegraph): {@code 2019-01-01-000000_x/up.sql}
     * and {@code down.sql}; diesel's {@code metadata.toml} {@code run_in_transaction = false} or sourcegraph's
     * {@code metadata.yaml} {@code createIndexConcurrently: true} runs it outside a transaction.
     */
    FOLDER_PER_MIGRATION("folder per migration", "2019-01-01-000000_create_x/up.sql, 2019-01-01-000000_create_x/down.sql"),

    /** {@code PRISMA} is Prisma Migrate's folders: {@code 20240101120000_init/migration.sql}; no down scripts. */
    PRISMA("Prisma", "20240101120000_init/migration.sql"),

    /**
     * {@code DBMATE} is dbmate's files: {@code 20240101120000_init.sql} holding a {@code -- migrate:up} and a
     * {@code -- migrate:down} section; {@code -- migrate:up transaction:false} runs that section outside a transaction.
     */
    DBMATE("dbmate", "20240101120000_init.sql with '-- migrate:up' and '-- migrate:down' sections"),

    /**
     * {@code SQITCH} is a sqitch project: {@code sqitch.plan} orders the changes, {@code deploy/x.sql} and
     * {@code revert/x.sql} hold them; a reworked change's earlier instances use {@code deploy/x@tag.sql}.
     */
    SQITCH("sqitch", "sqitch.plan, deploy/x.sql, revert/x.sql, verify/x.sql"),

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
