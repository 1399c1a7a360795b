package vn.trean.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files holding a secret: readable and writable by their owner only (POSIX mode 600) from the moment
 * they exist, so that no other account on the machine ever gets a window to read them.
 */
final class PrivateFile {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private PrivateFile() {
    }

    /** Writes the file whole or not at all: a crash mid-write must not leave half a password behind. */
    static void write(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".secret", ".tmp", ownerOnly());
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static Path temporary(String content) throws IOException {
        Path file = Files.createTempFile("trean-", ".secret", ownerOnly());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Narrows the file to its owner if someone widened it; true if it had to. */
    static boolean restrictToOwner(Path file) throws IOException {
        if (!posix()) {
            return false;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
        if (OWNER_ONLY.containsAll(current)) {
            return false;
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        return true;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
