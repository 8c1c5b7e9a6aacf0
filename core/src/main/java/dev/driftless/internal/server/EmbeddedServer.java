package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.server.ProviderKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server run from zonky's embedded binaries, with test-speed settings, listening on loopback only and
 * protected by a random password.
 */
public final class EmbeddedServer implements ServerHandle {

    private static final String SUPERUSER = "postgres";
    private static final long MIN_FREE_MEMORY_BYTES = 2L * 1024 * 1024 * 1024;

    private final EmbeddedPostgres postgres;
    private final String password;
    private final int major;

    private EmbeddedServer(EmbeddedPostgres postgres, String password, int major) {
        this.postgres = postgres;
        this.password = password;
        this.major = major;
    }

    /**
     * Starts a server.
     *
     * @param major the PostgreSQL major version
     * @param dataDirectory a data directory to keep between runs, or {@code null} for a throw-away one
     * @param config where binaries and caches come from
     * @return the running server
     * @throws DriftlessException when the version is unsupported or the server does not start
     */
    public static EmbeddedServer start(int major, Path dataDirectory, DriftlessConfig config) {
        String password = Secrets.newPassword();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(EmbeddedBinaries.resolver(major, config))
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                .setServerConfig("max_wal_size", "1GB")
                .setServerConfig("autovacuum", "off")
                .setServerConfig("jit", "off")
                .setServerConfig("max_connections", "300")
                .setLocaleConfig("locale", "C")
                .setDataDirectoryCustomizer(dir -> trustLoopbackUntilPasswordIsSet(dir.toPath()));
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        } else {
            builder.setDataDirectory(throwAwayDataDirectory(config)).setCleanDataDirectory(true);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new DriftlessException("The embedded PostgreSQL " + major + " server did not start: " + e.getMessage()
                    + ". If another process holds its data directory" + (dataDirectory == null ? "" : " (" + dataDirectory + ")")
                    + ", stop it; otherwise try the docker provider (driftless.provider=docker).", e);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, password, major);
        server.requirePassword();
        return server;
    }

    /**
     * A fresh data directory in memory (/dev/shm) where the system has one with room to spare: copying a template
     * creates a file per relation, and on a virtual disk that costs ten times more than in memory. Elsewhere, or when
     * {@code driftless.embedded.data.parent} says so, the given folder or the temporary folder.
     */
    private static Path throwAwayDataDirectory(DriftlessConfig config) {
        Path parent = config.get(DriftlessConfig.EMBEDDED_DATA_PARENT).map(Path::of).orElseGet(() -> {
            Path shm = Path.of("/dev/shm");
            try {
                if (Files.isDirectory(shm) && Files.isWritable(shm)
                        && Files.getFileStore(shm).getUsableSpace() >= MIN_FREE_MEMORY_BYTES) {
                    return shm;
                }
            } catch (IOException e) {
                // Fall back to the temporary folder below.
            }
            return Path.of(System.getProperty("java.io.tmpdir"));
        });
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "driftless-pg-");
        } catch (IOException e) {
            throw new DriftlessException("Cannot create a data directory for the embedded PostgreSQL server in " + parent
                    + ": " + e.getMessage() + ". Set driftless.embedded.data.parent to a writable folder.", e);
        }
    }

    private static void trustLoopbackUntilPasswordIsSet(Path dataDir) {
        writeHba(dataDir, "trust");
    }

    private static void writeHba(Path dataDir, String method) {
        String hba = "# Written by Driftless: loopback only.\n"
                + "local all all " + method + "\n"
                + "host all all 127.0.0.1/32 " + method + "\n"
                + "host all all ::1/128 " + method + "\n";
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + dataDir, e);
        }
    }

    private void requirePassword() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            Path dataDir = Path.of(queryString(statement, "SHOW data_directory"));
            writeHba(dataDir, "scram-sha-256");
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            close();
            throw new DriftlessException("The embedded PostgreSQL " + major + " server started but could not be secured: "
                    + e.getMessage(), e);
        }
    }

    private static String queryString(Statement statement, String sql) throws SQLException {
        try (var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.EMBEDDED;
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String adminDatabase() {
        return "postgres";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + major + " on localhost:" + port();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop " + description(), e);
        }
    }
}
