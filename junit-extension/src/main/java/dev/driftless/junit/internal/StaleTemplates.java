package dev.driftless.junit.internal;

import dev.driftless.server.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the templates an earlier run built for the same {@code @MigratedDatabase} setup from other content: with
 * {@code driftless.reuse=true} they would otherwise pile up, one per edit of a migration.
 */
final class StaleTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(StaleTemplates.class);

    private StaleTemplates() {
    }

    /**
     * Drops the templates whose marker comment carries a setup marker, except one.
     *
     * @param server the server
     * @param setupMarker the text that identifies the setup in a template's comment
     * @param current the template to keep
     * @return the names dropped
     */
    static List<String> drop(PostgresServer server, String setupMarker, String current) {
        List<String> stale = new ArrayList<>();
        try {
            server.withAdminConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT datname FROM pg_database"
                        + " WHERE datname LIKE 'driftless\\_tpl\\_%' AND datname <> ?"
                        + " AND shobj_description(oid, 'pg_database') LIKE ?")) {
                    ps.setString(1, current);
                    ps.setString(2, PostgresServer.MARKER + "%" + setupMarker + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            stale.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            LOG.warn("Could not look for stale templates of {}: {}", setupMarker, e.getMessage());
            return List.of();
        }
        List<String> dropped = new ArrayList<>();
        for (String name : stale) {
            try {
                server.drop(name);
                dropped.add(name);
            } catch (RuntimeException e) {
                // Another JVM may be copying it right now; the next run tries again.
                LOG.warn("Could not drop the stale template {}: {}", name, e.getMessage());
            }
        }
        if (!dropped.isEmpty()) {
            LOG.info("Dropped {} stale template(s) of {}: {}", dropped.size(), setupMarker, dropped);
        }
        return dropped;
    }
}
