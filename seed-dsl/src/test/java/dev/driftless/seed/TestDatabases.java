package dev.driftless.seed;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.template.TemplateKey;
import dev.driftless.testing.TestServers;
import dev.driftless.template.Templates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Fresh databases for seed tests: one template per schema, one clone per test. */
final class TestDatabases {

    private TestDatabases() {
    }

    static Database fresh(String schemaSql) {
        PostgresServer server = TestServers.embedded();
        return Templates.of(server).get(TemplateKey.of(schemaSql), db -> {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute(schemaSql);
            }
        }).newDatabase();
    }

    static void drop(Database db) {
        if (db != null) {
            TestServers.embedded().drop(db);
        }
    }

    static List<List<String>> query(Database db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static String single(Database db, String sql) {
        return query(db, sql).get(0).get(0);
    }

    static void execute(Database db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
