package vn.trean.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded server's {@code pg_hba.conf}: a password (SCRAM) for every connection, over the socket and
 * over loopback, replication included. zonky runs {@code initdb -A trust}, which lets any local account in
 * as any role without a password; a fresh cluster is created with SCRAM instead (see {@link EmbeddedServer}),
 * and one created by an earlier version of Trẻ An is switched over here, on its first start with a password.
 */
final class PasswordOnlyAccess {

    static final String HBA = """
            # Written by Trẻ An at every start of its embedded PostgreSQL: a password (SCRAM) for every
            # connection. The server listens on loopback only (listen_addresses=localhost). Edits are overwritten.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private PasswordOnlyAccess() {
    }

    /** True if the cluster still lets someone in without a password (a cluster made by an earlier version). */
    static boolean trustsAnyone(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream()
                .map(String::strip)
                .filter(line -> !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\strust(\\s.*)?$"));
    }

    /** Writes the rules if the server's file differs, and has the server reload them. */
    static void enforce(Connection superuser) throws SQLException, IOException {
        Path hbaFile = Path.of(single(superuser, "show hba_file"));
        if (Files.exists(hbaFile) && Files.readString(hbaFile).equals(HBA)) {
            return;
        }
        PrivateFile.write(hbaFile, HBA);
        single(superuser, "select pg_reload_conf()::text");
        String errors = single(superuser, "select count(*)::text from pg_hba_file_rules where error is not null");
        if (!errors.equals("0")) {
            throw new IllegalStateException("The embedded database refused its pg_hba.conf (" + hbaFile + ")");
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
