package vn.trean.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 (zonky), started as safely as a server an administrator set up: every
 * commit on disk before it is acknowledged, a password for every connection, loopback only, and the
 * application connecting as a role that is not a superuser (see {@link EmbeddedRoles}).
 *
 * <p>zonky's defaults suit throw-away test databases and nothing else: it passes {@code -F} (fsync off),
 * turns {@code synchronous_commit} off and runs {@code initdb -A trust}. The settings below come after
 * {@code -F} on the server's command line and therefore win.
 */
final class EmbeddedServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final DatabaseCredentials credentials;

    private EmbeddedServer(EmbeddedPostgres postgres, DatabaseCredentials credentials) {
        this.postgres = postgres;
        this.credentials = credentials;
    }

    /**
     * Starts the server on {@code dataDirectory}, or on a throw-away folder (with fresh passwords) when it
     * is null. {@code port} 0 picks a free port.
     */
    static EmbeddedServer start(Path dataDirectory, int port) throws IOException {
        DatabaseCredentials credentials = dataDirectory == null ? DatabaseCredentials.generate()
                : credentialsOf(dataDirectory);
        boolean fresh = dataDirectory == null || !Files.exists(dataDirectory.resolve("postgresql.conf"));

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // an accepted report must survive a crash of the machine, not only of the application
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                // zonky's readiness check logs in as the superuser, with its password
                .setConnectConfig("password", credentials.superuser())
                // crash recovery after a kill can take longer than zonky's 10 s
                .setPGStartupWait(Duration.ofSeconds(120))
                // runs after zonky has locked the folder, before it starts the server
                .setDataDirectoryCustomizer(folder -> OrphanedServer.stopIfRunning(folder.toPath()))
                // Spring stops it after the engine and the pool are closed; its own JVM hook would race them
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        Path passwordFile = fresh ? PrivateFile.temporary(credentials.superuser()) : null;
        if (passwordFile != null) {
            // zonky hands these to initdb after its own "-A trust": the cluster has a password from its first second
            builder.setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString());
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
        EmbeddedServer server = new EmbeddedServer(postgres, credentials);
        try {
            server.setUpRoles();
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            throw new IOException("Could not secure the embedded database", e);
        }
        return server;
    }

    private static DatabaseCredentials credentialsOf(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Path file = DatabaseCredentials.fileFor(dataDirectory);
        boolean existing = Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (existing && !Files.exists(file)) {
            if (!PasswordOnlyAccess.trustsAnyone(dataDirectory)) {
                throw new IllegalStateException("The embedded database in " + dataDirectory + " needs its password file "
                        + file + ", which is missing: restore it from the backup of the data folder, or delete the"
                        + " data folder to start afresh");
            }
            log.warn("The embedded database in {} was created without passwords by an earlier version; it gets"
                    + " passwords and its own roles now", dataDirectory);
        }
        return DatabaseCredentials.loadOrCreate(file);
    }

    private void setUpRoles() throws SQLException, IOException {
        try (Connection superuser = superuserConnection()) {
            EmbeddedRoles.setUp(superuser, credentials);
        }
    }

    Connection superuserConnection() throws SQLException {
        return postgres.getDatabase(EmbeddedRoles.SUPERUSER, DATABASE, Map.of("password", credentials.superuser()))
                .getConnection();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String appRole() {
        return EmbeddedRoles.APP_ROLE;
    }

    String appPassword() {
        return credentials.app();
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
