package dev.driftless.sql;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How scripts run with respect to transactions: the runner's, the script's own, the caller's, or none. */
class TransactionTest {

    private PostgresServer server;
    private Database db;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        server = TestServers.embedded();
        db = server.createDatabase();
        c = db.connect();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        server.drop(db);
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY relname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static ScriptResult run(SqlScript script, Connection connection) {
        return ScriptRunner.create().run(script, connection);
    }

    @Test
    void aPlainScriptIsAllOrNothing() throws SQLException {
        SqlScript script = SqlScript.of("t.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nSELECT 1/0;\n");
        assertThat(script.parse().runsInTransaction()).isTrue();
        assertThatThrownBy(() -> run(script, c)).isInstanceOf(ScriptException.class).hasMessage("""
                t.sql:3:1 [22012] division by zero
                  3 | SELECT 1/0;
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
        assertThat(tables()).isEmpty();
        assertThat(c.getAutoCommit()).isTrue();
        assertThat(run(SqlScript.of("ok.sql", "CREATE TABLE a (id int);"), c).statementCount()).isOne();
        assertThat(tables()).containsExactly("a");
    }

    @Test
    void aScriptManagingItsOwnTransactionsRunsAsWritten() throws SQLException {
        String sql = """
                CREATE TABLE before_tx (id int);
                BEGIN;
                CREATE TABLE in_tx (id int);
                COMMIT;
                BEGIN;
                CREATE TABLE rolled_back (id int);
                INSERT INTO nowhere VALUES (1);
                COMMIT;
                """;
        SqlScript script = SqlScript.of("own.sql", sql);
        assertThat(script.parse().noTransactionReason())
                .contains("it manages its own transactions (BEGIN at own.sql:2)");
        assertThatThrownBy(() -> run(script, c)).hasMessage("""
                own.sql:7:13 [42P01] relation "nowhere" does not exist
                  7 | INSERT INTO nowhere VALUES (1);
                    |             ^
                The script ran outside a transaction (it manages its own transactions (BEGIN at own.sql:2)): \
                the transaction it had opened was rolled back; the 4 statements before that stay applied.""");
        assertThat(tables()).containsExactly("before_tx", "in_tx");
        assertThat(c.getAutoCommit()).isTrue();
    }

    /** As psql runs such a file inside a transaction: COMMIT AND CHAIN commits and goes on in a new transaction. */
    @Test
    void commitAndChainRunsInTheScriptsTransactionAndCommitsPartOfIt() throws SQLException {
        SqlScript script = SqlScript.of("chain.sql", """
                CREATE TABLE a (id int);
                COMMIT AND CHAIN;
                CREATE TABLE b (id int);
                SELECT 1/0;
                """);
        assertThat(script.parse().runsInTransaction()).isTrue();
        assertThat(script.parse().chainedCommit()).contains("COMMIT AND CHAIN at chain.sql:2");
        assertThatThrownBy(() -> run(script, c)).hasMessage("""
                chain.sql:4:1 [22012] division by zero
                  4 | SELECT 1/0;
                The script committed part of its work with COMMIT AND CHAIN at chain.sql:2: the 1 statement before \
                it stay applied; the rest of it was rolled back.""");
        assertThat(tables()).containsExactly("a");
        assertThat(run(SqlScript.of("ok.sql", "CREATE TABLE c (id int);\nROLLBACK AND CHAIN;\nCREATE TABLE d (id"
                + " int);"), c).statementCount()).isEqualTo(3);
        assertThat(tables()).containsExactly("a", "d");
    }

    /** A script that opens its own transaction and chains inside it runs as written, statement by statement. */
    @Test
    void commitAndChainAfterTheScriptsOwnBeginRunsAsWritten() throws SQLException {
        SqlScript script = SqlScript.of("own.sql", """
                BEGIN;
                CREATE TABLE a (id int);
                COMMIT AND CHAIN;
                CREATE TABLE b (id int);
                SELECT 1/0;
                """);
        assertThat(script.parse().noTransactionReason())
                .contains("it manages its own transactions (BEGIN at own.sql:1)");
        assertThatThrownBy(() -> run(script, c)).hasMessage("""
                own.sql:5:1 [22012] division by zero
                  5 | SELECT 1/0;
                The script ran outside a transaction (it manages its own transactions (BEGIN at own.sql:1)): the \
                transaction it had opened was rolled back; the 3 statements before that stay applied.""");
        assertThat(tables()).containsExactly("a");
    }

    @Test
    void statementsThatCannotRunInATransactionRunInAutocommit() throws SQLException {
        SqlScript script = SqlScript.of("idx.sql", """
                CREATE TABLE t (id int);
                CREATE INDEX CONCURRENTLY t_id ON t (id);
                VACUUM t;
                """);
        assertThat(script.parse().noTransactionReason())
                .contains("CREATE INDEX CONCURRENTLY at idx.sql:2 cannot run inside a transaction block");
        assertThat(run(script, c).statementCount()).isEqualTo(3);
        assertThat(tables()).containsExactly("t", "t_id");
    }

    @Test
    void nonTransactionalStatementsAreRecognised() {
        for (String sql : List.of("vacuum", "VACUUM (ANALYZE) t", "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)",
                "DROP INDEX CONCURRENTLY i", "REINDEX (VERBOSE) TABLE CONCURRENTLY t", "REINDEX DATABASE d",
                "CREATE DATABASE x", "DROP DATABASE x", "ALTER SYSTEM SET work_mem = '1MB'", "CREATE TABLESPACE x",
                "/* c */ -- c\n create database x", "START TRANSACTION", "commit", "END", "ROLLBACK",
                "COMMIT PREPARED 'x'", "DISCARD ALL", "CLUSTER")) {
            assertThat(SqlScript.of("n.sql", sql).parse().runsInTransaction()).as(sql).isFalse();
        }
        for (String sql : List.of("CREATE INDEX i ON t (a)", "ANALYZE t", "REINDEX TABLE t",
                "ALTER TYPE mood ADD VALUE 'meh'", "ALTER DATABASE d SET work_mem = '1MB'", "SAVEPOINT s",
                "ROLLBACK TO SAVEPOINT s", "CLUSTER t USING i", "DO $$BEGIN COMMIT; END$$",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
                "SELECT 'VACUUM'", "\"vacuum\"")) {
            assertThat(SqlScript.of("n.sql", sql).parse().runsInTransaction()).as(sql).isTrue();
        }
    }

    @Test
    void markerCommentsTurnTheTransactionOff() throws SQLException {
        assertThat(SqlScript.of("m.sql", "-- driftless:no-transaction\nCREATE TABLE x ();").parse()
                .noTransactionReason()).contains("it carries the marker '-- driftless:no-transaction' (m.sql:1)");
        assertThat(SqlScript.of("d.sql", "-- migrate:up transaction:false\nCREATE TABLE x ();", 3).parse()
                .noTransactionReason()).contains("it carries the marker '-- migrate:up transaction:false' (d.sql:3)");
        assertThat(SqlScript.of("d.sql", "-- migrate:up\nCREATE TABLE x ();").parse().runsInTransaction()).isTrue();
        assertThat(SqlScript.of("s.sql", "SELECT '-- driftless:no-transaction';").parse().runsInTransaction())
                .isTrue();

        SqlScript marked = SqlScript.of("m.sql", "-- driftless:no-transaction\nCREATE TABLE x ();\nSELECT 1/0;");
        assertThatThrownBy(() -> run(marked, c)).hasMessageEndingWith("The script ran outside a transaction (it"
                + " carries the marker '-- driftless:no-transaction' (m.sql:1)): the 1 statement before this one stay"
                + " applied.");
        assertThat(tables()).containsExactly("x");
    }

    @Test
    void explicitModesOverrideTheScript() throws SQLException {
        SqlScript concurrently = SqlScript.of("c.sql", "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY i ON t (id);")
                .withTransactionMode(TransactionMode.TRANSACTION);
        assertThat(concurrently.parse().runsInTransaction()).isTrue();
        assertThatThrownBy(() -> run(concurrently, c)).hasMessage("""
                c.sql:2:1 [25001] CREATE INDEX CONCURRENTLY cannot run inside a transaction block
                  2 | CREATE INDEX CONCURRENTLY i ON t (id);
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
        assertThat(tables()).isEmpty();

        SqlScript plain = SqlScript.of("p.sql", "CREATE TABLE t (id int);\nSELECT 1/0;")
                .withTransactionMode(TransactionMode.NO_TRANSACTION);
        assertThat(plain.parse().noTransactionReason()).contains("its transaction mode is NO_TRANSACTION");
        assertThatThrownBy(() -> run(plain, c)).isInstanceOf(ScriptException.class);
        assertThat(tables()).containsExactly("t");
    }

    @Test
    void theCallerOwnsItsTransaction() throws SQLException {
        c.setAutoCommit(false);
        run(SqlScript.of("a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);"), c);
        assertThat(c.getAutoCommit()).isFalse();
        assertThat(tables()).containsExactly("a");
        c.rollback();
        assertThat(tables()).isEmpty();

        assertThatThrownBy(() -> run(SqlScript.of("b.sql", "CREATE TABLE b (id int);\nSELECT 1/0;"), c))
                .hasMessageEndingWith("The statements ran in the caller's transaction, which is now aborted: roll it"
                        + " back. Nothing was committed.");
        c.rollback();
        assertThat(c.getAutoCommit()).isFalse();

        SqlScript concurrently = SqlScript.of("c.sql", "CREATE TABLE c (id int);\nCREATE INDEX CONCURRENTLY i ON c (id);");
        assertThatThrownBy(() -> run(concurrently, c)).hasMessage("c.sql cannot run inside the caller's"
                + " transaction: CREATE INDEX CONCURRENTLY at c.sql:2 cannot run inside a transaction block. Nothing"
                + " was run. Run it on a connection in autocommit mode; the runner then runs it statement by"
                + " statement.");
        c.commit();
        assertThat(tables()).isEmpty();
    }

    @Test
    void connectMustStayOnTheSameDatabase() throws SQLException {
        run(SqlScript.of("same.sql", "\\connect " + db.name() + "\nCREATE TABLE s ();\n\\c -reuse-previous=on \"dbname='"
                + db.name() + "'\"\n"), c);
        assertThat(tables()).containsExactly("s");
        assertThatThrownBy(() -> run(SqlScript.of("other.sql", "CREATE TABLE o ();\n\\connect postgres\n"), c))
                .hasMessage("other.sql:2:1 \\connect postgres connects to database \"postgres\", but the script runs"
                        + " on \"" + db.name() + "\". Driftless runs a script on one database; nothing was run."
                        + " Remove the \\connect line (pg_dump writes it with --create) or run the script on that"
                        + " database.");
        assertThat(tables()).containsExactly("s");
    }

    @Test
    void copyRunsInsideTheTransaction() throws SQLException {
        SqlScript script = SqlScript.of("copy.sql", "CREATE TABLE t (id int PRIMARY KEY);\nCOPY t FROM stdin;\n1\n2\n"
                + "\\.\nCOPY t FROM stdin;\n3\n1\n\\.\n");
        assertThatThrownBy(() -> run(script, c)).hasMessage("""
                copy.sql:8:1 [23505] duplicate key value violates unique constraint "t_pkey"
                  8 | 1
                    | ^
                Detail: Key (id)=(1) already exists.
                Where: COPY t, line 2
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
        assertThat(tables()).isEmpty();
    }

    @Test
    void aDeferredConstraintFailingAtCommitRollsBack() throws SQLException {
        SqlScript script = SqlScript.of("deferred.sql", """
                CREATE TABLE parent (id int PRIMARY KEY);
                CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO child VALUES (42);
                """);
        assertThatThrownBy(() -> run(script, c)).isInstanceOf(ScriptException.class).hasMessage("""
                deferred.sql [23503] COMMIT failed at the end of the script: insert or update on table "child" \
                violates foreign key constraint "child_parent_id_fkey"
                Detail: Key (parent_id)=(42) is not present in table "parent".
                A deferred constraint or trigger fires at COMMIT, so no statement of the script is to blame alone. \
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
        assertThat(tables()).isEmpty();
        assertThat(c.getAutoCommit()).isTrue();
    }
}
