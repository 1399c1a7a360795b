package vn.trean.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link EmbeddedServerIntegrationTests}: starts the embedded server on the given
 * folder, writes a row as the application, says READY with the server's process id, and waits to be killed.
 */
public final class EmbeddedServerChild {

    private EmbeddedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[0]);
        EmbeddedServer server = EmbeddedServer.start(dataDirectory, 0);
        try (Connection app = DriverManager.getConnection(server.jdbcUrl(), server.appRole(), server.appPassword());
             Statement statement = app.createStatement()) {
            statement.execute("create table public.survivor (note text)");
            statement.execute("insert into public.survivor values ('written before the kill')");
        }
        String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
        System.out.println("READY " + pid);
        System.out.flush();
        System.in.read();
    }
}
