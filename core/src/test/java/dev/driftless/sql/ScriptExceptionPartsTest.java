package dev.driftless.sql;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link ScriptException#failure()} and {@link ScriptException#outcome()}: the message's two parts, apart. */
class ScriptExceptionPartsTest {

    private static final String DIVISION_BY_ZERO = """
            b.sql:2:1 [22012] division by zero
              2 | SELECT 1/0;""";

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

    private ScriptException failing(SqlScript script) {
        return catchThrowableOfType(ScriptException.class, () -> ScriptRunner.create().run(script, c));
    }

    @Test
    void inTheCallersTransactionTheOutcomeIsTheAdviceToRollBack() throws SQLException {
        c.setAutoCommit(false);
        ScriptException e = failing(SqlScript.of("b.sql", "CREATE TABLE b (id int);\nSELECT 1/0;"));
        c.rollback();

        assertThat(e.failure()).isEqualTo(DIVISION_BY_ZERO);
        assertThat(e.outcome()).contains("The statements ran in the caller's transaction, which is now aborted: roll it"
                + " back. Nothing was committed.");
        assertThat(e.getMessage()).isEqualTo(DIVISION_BY_ZERO + "\nThe statements ran in the caller's transaction,"
                + " which is now aborted: roll it back. Nothing was committed.");
    }

    @Test
    void inItsOwnTransactionTheOutcomeSaysItWasRolledBack() {
        ScriptException e = failing(SqlScript.of("b.sql", "CREATE TABLE b (id int);\nSELECT 1/0;"));

        assertThat(e.failure()).isEqualTo(DIVISION_BY_ZERO);
        assertThat(e.outcome()).contains("The script ran in one transaction, which was rolled back: nothing of it was"
                + " applied.");
        assertThat(e.getMessage()).isEqualTo(e.failure() + "\n" + e.outcome().orElseThrow());
    }

    @Test
    void outsideATransactionTheOutcomeCountsWhatStaysApplied() {
        ScriptException e = failing(SqlScript.of("b.sql", "CREATE TABLE b (id int);\nSELECT 1/0;")
                .withTransactionMode(TransactionMode.NO_TRANSACTION));

        assertThat(e.failure()).isEqualTo(DIVISION_BY_ZERO);
        assertThat(e.outcome()).contains("The script ran outside a transaction (its transaction mode is"
                + " NO_TRANSACTION): the 1 statement before this one stay applied.");
    }

    @Test
    void theFailureKeepsTheServersDetailAndTheIncludeChain() {
        ScriptException e = failing(SqlScript.of("dup.sql", """
                CREATE TABLE t (id int PRIMARY KEY);
                INSERT INTO t VALUES (1), (1);"""));

        assertThat(e.failure()).isEqualTo("""
                dup.sql:2:1 [23505] duplicate key value violates unique constraint "t_pkey"
                  2 | INSERT INTO t VALUES (1), (1);
                Detail: Key (id)=(1) already exists.""");
    }

    @Test
    void aFailedCommitExplainsWhyNoStatementIsNamedInItsOutcome() {
        ScriptException e = failing(SqlScript.of("deferred.sql", """
                CREATE TABLE parent (id int PRIMARY KEY);
                CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO child VALUES (42);
                """));

        assertThat(e.failure()).isEqualTo("""
                deferred.sql [23503] COMMIT failed at the end of the script: insert or update on table "child" \
                violates foreign key constraint "child_parent_id_fkey"
                Detail: Key (parent_id)=(42) is not present in table "parent".""");
        assertThat(e.outcome()).contains("A deferred constraint or trigger fires at COMMIT, so no statement of the"
                + " script is to blame alone. The script ran in one transaction, which was rolled back: nothing of it"
                + " was applied.");
    }

    @Test
    void aProblemFoundBeforeAnythingRanHasNoOutcome() {
        ScriptException e = failing(SqlScript.of("meta.sql", "SELECT 1;\n\\gexec\n"));

        assertThat(e.outcome()).isEmpty();
        assertThat(e.failure()).isEqualTo(e.getMessage()).startsWith("meta.sql:2:1 ");
    }
}
