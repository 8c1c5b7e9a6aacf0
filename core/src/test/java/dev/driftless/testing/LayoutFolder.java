package dev.driftless.testing;

import dev.driftless.migration.MigrationChain;
import dev.driftless.server.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A migration folder written by a test, shaped like a tool's own examples, and what a database holds after it. */
public final class LayoutFolder {

    private final Path root;

    /** @param root the folder, usually a {@code @TempDir} */
    public LayoutFolder(Path root) {
        this.root = root;
    }

    /**
     * Writes a file, creating its folders.
     *
     * @param relative the path below the folder, e.g. {@code 2019-01-01-000000_x/up.sql}
     * @param text its text
     * @return this folder
     */
    public LayoutFolder file(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the folder */
    public Path root() {
        return root;
    }

    /**
     * @param relative a path below the folder
     * @return the name messages give it, e.g. {@code /tmp/junit1/2019_x/up.sql}
     */
    public String at(String relative) {
        return root + "/" + relative;
    }

    /** @return the chain read from the folder, its layout detected */
    public MigrationChain chain() {
        return MigrationChain.at(root.toString());
    }

    /**
     * @param db a database
     * @return its tables in {@code public} (the history table left out) with their columns, sorted, e.g.
     *     {@code a(id), b(id, name)}
     */
    public static String tables(Database db) {
        String query = """
                SELECT coalesce(string_agg(t, ', ' ORDER BY t), '') FROM (
                  SELECT c.relname || '(' || string_agg(a.attname, ', ' ORDER BY a.attnum) || ')' AS t
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'driftless_schema_history'
                  GROUP BY c.relname) x""";
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param db a database
     * @return its indexes in {@code public}, sorted, e.g. {@code t_pkey, t_x_idx}
     */
    public static String indexes(Database db) {
        String query = "SELECT coalesce(string_agg(indexname, ', ' ORDER BY indexname), '') FROM pg_indexes"
                + " WHERE schemaname = 'public' AND tablename <> 'driftless_schema_history'";
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
