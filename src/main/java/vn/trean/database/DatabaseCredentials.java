package vn.trean.database;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded server: its superuser (used only while the application starts, to set
 * up roles) and the application's own role. Generated on first start and kept beside the data folder,
 * not inside it, because {@code initdb} wants an empty folder.
 */
record DatabaseCredentials(String superuser, String app) {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabaseCredentials generate() {
        return new DatabaseCredentials(randomPassword(), randomPassword());
    }

    /** {@code ./data/postgres} keeps its passwords in {@code ./data/postgres.credentials}. */
    static Path fileFor(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".credentials");
    }

    static DatabaseCredentials loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            if (PrivateFile.restrictToOwner(file)) {
                log.warn("The embedded database's password file was readable by others; it is now readable by its owner only: {}",
                        file);
            }
            return read(file);
        }
        DatabaseCredentials created = generate();
        PrivateFile.write(file, created.asFileContent());
        log.info("Generated the embedded database's passwords into {} (readable by its owner only)", file);
        return created;
    }

    private static DatabaseCredentials read(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        String superuser = properties.getProperty("superuser");
        String app = properties.getProperty("app");
        if (superuser == null || superuser.isBlank() || app == null || app.isBlank()) {
            throw new IllegalStateException("The embedded database's password file " + file
                    + " lacks the superuser or app password; restore it from a backup");
        }
        return new DatabaseCredentials(superuser.trim(), app.trim());
    }

    private String asFileContent() {
        return """
                # Passwords of Trẻ An's embedded PostgreSQL, generated on first start. Keep this file with the data
                # folder beside it (a backup needs both) and readable by its owner only.
                superuser=%s
                app=%s
                """.formatted(superuser, app);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        // URL-safe base64 without padding: no quote, backslash or space to escape anywhere
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
