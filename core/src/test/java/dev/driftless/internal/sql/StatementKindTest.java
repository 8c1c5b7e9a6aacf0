package dev.driftless.internal.sql;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatementKindTest {

    @Test
    void kindsAndDescriptions() {
        assertThat(StatementKind.of("create unique index concurrently i on t (a)"))
                .isEqualTo(StatementKind.NON_TRANSACTIONAL);
        assertThat(StatementKind.describe("create unique index concurrently i on t (a)"))
                .isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY");
        assertThat(StatementKind.describe("CREATE DATABASE shop")).isEqualTo("CREATE DATABASE");
        assertThat(StatementKind.describe("VACUUM (FULL) t")).isEqualTo("VACUUM");
        assertThat(StatementKind.describe("ALTER SYSTEM SET x = 1")).isEqualTo("ALTER SYSTEM");
        assertThat(StatementKind.describe("begin isolation level serializable")).isEqualTo("BEGIN");
        assertThat(StatementKind.of("ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok'"))
                .isEqualTo(StatementKind.ADD_ENUM_VALUE);
        assertThat(StatementKind.of("ALTER TYPE mood RENAME VALUE 'a' TO 'b'")).isEqualTo(StatementKind.ORDINARY);
    }

    @Test
    void chainedCommitsAndRollbacksNeedTheTransactionTheyRunIn() {
        for (String sql : new String[] {"COMMIT AND CHAIN", "commit work and chain", "END TRANSACTION AND CHAIN",
                "ROLLBACK AND CHAIN", "abort and chain"}) {
            assertThat(StatementKind.of(sql)).as(sql).isEqualTo(StatementKind.TRANSACTION_CHAIN);
        }
        assertThat(StatementKind.of("COMMIT AND NO CHAIN")).isEqualTo(StatementKind.TRANSACTION_CONTROL);
        assertThat(StatementKind.of("ROLLBACK TO SAVEPOINT s")).isEqualTo(StatementKind.ORDINARY);
        assertThat(StatementKind.describe("commit work and chain")).isEqualTo("COMMIT AND CHAIN");
        assertThat(StatementKind.commitsAndChains("END AND CHAIN")).isTrue();
        assertThat(StatementKind.commitsAndChains("ROLLBACK AND CHAIN")).isFalse();
        ParsedSteps steps = ScriptParser.parse(ScriptSource.inMemory("c.sql",
                "CREATE TABLE a (id int);\nCOMMIT AND CHAIN;\nCREATE TABLE b (id int);", 1), Map.of());
        assertThat(steps.noTransactionReason(17)).isEmpty();
        assertThat(steps.chainedCommit()).map(ParsedStatement::line).contains(2);
    }

    @Test
    void addingEnumValuesNeedsAutocommitBeforePostgres12Only() {
        ParsedSteps steps = ScriptParser.parse(ScriptSource.inMemory("e.sql",
                "CREATE TYPE mood AS ENUM ('a');\nALTER TYPE mood ADD VALUE 'b';", 1), Map.of());
        assertThat(steps.noTransactionReason(11))
                .contains("ALTER TYPE ... ADD VALUE at e.sql:2 cannot run inside a transaction block before"
                        + " PostgreSQL 12");
        assertThat(steps.noTransactionReason(12)).isEmpty();
        assertThat(steps.noTransactionReason(0)).isEmpty();
    }
}
