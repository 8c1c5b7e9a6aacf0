package dev.driftless.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code CatalogQueries} loads the catalog queries, one {@code .sql} resource per object kind, choosing by server
 * version: for major version {@code N} it takes {@code <kind>.pg<M>.sql} with the highest {@code M <= N}, else
 * {@code <kind>.sql} (written for the oldest supported version, 14). The SQL text is never edited at run time.
 */
public final class CatalogQueries {

    /** The oldest PostgreSQL major version the queries support. */
    public static final int OLDEST_SUPPORTED = 14;

    private static final String FOLDER = "/dev/driftless/internal/schema/sql/";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CatalogQueries() {
    }

    /**
     * Returns the query for an object kind on a server version.
     *
     * @param name the base name of the resource, e.g. {@code indexes}
     * @param major the server's major version
     * @return the SQL text
     */
    public static String query(String name, int major) {
        return CACHE.computeIfAbsent(name + "@" + major, key -> load(name, major));
    }

    /**
     * Returns the resource name chosen for an object kind on a server version, for tests and messages.
     *
     * @param name the base name, e.g. {@code indexes}
     * @param major the server's major version
     * @return e.g. {@code indexes.pg15.sql}
     */
    public static String resourceName(String name, int major) {
        for (int version = major; version > OLDEST_SUPPORTED; version--) {
            String candidate = name + ".pg" + version + ".sql";
            if (CatalogQueries.class.getResource(FOLDER + candidate) != null) {
                return candidate;
            }
        }
        return name + ".sql";
    }

    private static String load(String name, int major) {
        String resource = FOLDER + resourceName(name, major);
        try (InputStream in = CatalogQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing catalog query " + resource + " in the Driftless jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalog query " + resource, e);
        }
    }
}
