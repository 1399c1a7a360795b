package vn.trean.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 3: the embedded server's start on a folder of its own, without Spring — a server left running
 * by a killed JVM, the password file, and a folder created by an earlier version without passwords.
 */
class EmbeddedServerIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aServerLeftRunningByAKilledApplicationIsStoppedAndTheDataIsKept() throws Exception {
        Path data = folder.resolve("postgres");
        Process child = startChild(data);
        long orphan;
        try {
            orphan = awaitReady(child);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
            child.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphan survives its JVM").contains(true);

        try (EmbeddedServer server = EmbeddedServer.start(data, 0)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan has been stopped").isFalse();
            assertThat(postmasterPid(data)).isNotEqualTo(orphan);
            try (Connection app = appConnection(server); Statement statement = app.createStatement();
                 ResultSet rows = statement.executeQuery("select note from public.survivor")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the kill");
            }
        }
    }

    @Test
    void thePasswordsAreKeptBesideTheDataReadableByTheOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path data = folder.resolve("postgres");
        Path credentials = folder.resolve("postgres.credentials");
        String firstPassword;
        try (EmbeddedServer server = EmbeddedServer.start(data, 0)) {
            firstPassword = server.appPassword();
            assertThat(firstPassword).hasSizeGreaterThanOrEqualTo(40);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Files.readString(credentials)).contains(firstPassword);

        try (EmbeddedServer server = EmbeddedServer.start(data, 0); Connection app = appConnection(server)) {
            assertThat(server.appPassword()).isEqualTo(firstPassword);
            assertThat(app.isValid(5)).isTrue();
        }
    }

    @Test
    void aFolderCreatedWithoutPasswordsByAnEarlierVersionIsSecuredAndHandedToTheApplicationRole() throws Exception {
        Path data = folder.resolve("postgres");
        // what earlier versions did: zonky's defaults (trust), everything owned by the superuser
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection superuser = earlier.getPostgresDatabase().getConnection();
             Statement statement = superuser.createStatement()) {
            statement.execute("create table public.act_ge_property (name_ text primary key)");
            statement.execute("create schema trean");
            statement.execute("create table trean.case_file (id bigserial primary key)");
        }

        try (EmbeddedServer server = EmbeddedServer.start(data, 0); Connection app = appConnection(server);
             Statement statement = app.createStatement()) {
            statement.execute("insert into public.act_ge_property values ('schema.version')");
            statement.execute("insert into trean.case_file default values");
            statement.execute("alter table trean.case_file add column note text");
            try (ResultSet rows = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
                rows.next();
                assertThat(rows.getBoolean(1)).isFalse();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + server.port() + "/postgres?user=postgres").close())
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aFolderWhosePasswordFileIsLostIsNotOpenedWithoutIt() throws Exception {
        Path data = folder.resolve("postgres");
        EmbeddedServer.start(data, 0).close();
        Files.delete(folder.resolve("postgres.credentials"));

        assertThatThrownBy(() -> EmbeddedServer.start(data, 0).close())
                .hasMessageContaining("password file");
    }

    private static Connection appConnection(EmbeddedServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.appRole(), server.appPassword());
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static Process startChild(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedServerChild.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the child's output until it says READY (blocking reads, no polling); returns the server's pid. */
    private static long awaitReady(Process child) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("READY ")) {
                return Long.parseLong(line.substring("READY ".length()).trim());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child JVM ended before its server was ready:\n" + seen);
    }
}
