package vn.trean.database;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server an earlier run left behind. zonky starts the server as a daemon through
 * {@code pg_ctl}: when the JVM is killed ({@code kill -9}, out of memory, power button on a laptop) the
 * server keeps running on the data folder. The next start would then fail on {@code postmaster.pid} or
 * quietly talk to that orphan with whatever settings and port it had. This stops it first.
 *
 * <p>It runs after zonky has locked the data folder ({@code epg-lock}), so a server that a running
 * application still uses is never touched: that application holds the lock and this start fails before.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final long STOP_TIMEOUT_SECONDS = 90;

    private OrphanedServer() {
    }

    static void stopIfRunning(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            Optional<Long> pid = pidIn(pidFile);
            if (pid.isEmpty()) {
                return;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                // PostgreSQL recognises a lock file whose process is gone and replaces it itself
                log.info("The embedded database was not shut down cleanly last time (process {} is gone); it recovers on start",
                        pid.get());
                return;
            }
            if (!servesDirectory(process.get(), dataDirectory)) {
                log.warn("postmaster.pid names process {}, which is not this data folder's PostgreSQL (a reused process id);"
                        + " removing the stale file", pid.get());
                Files.delete(pidFile);
                return;
            }
            log.warn("The embedded database of an earlier run is still running (process {}), most likely because the"
                    + " application was killed; stopping it (fast shutdown) before starting again", pid.get());
            stop(process.get(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The process is a postmaster, started on this folder ({@code postgres -D <folder> ...}). */
    static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean isPostgres = info.command()
                .map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .isPresent();
        if (!isPostgres) {
            return false;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && samePath(arguments[i + 1], dataDirectory)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePath(String argument, Path dataDirectory) {
        return Path.of(argument).toAbsolutePath().normalize().equals(dataDirectory.toAbsolutePath().normalize());
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory) throws IOException {
        Optional<Path> pgCtl = postmaster.info().command()
                .map(command -> Path.of(command).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty() || !fastShutdown(pgCtl.get(), dataDirectory)) {
            // SIGTERM: a "smart" shutdown, which does not wait here since the orphan's clients died with their JVM
            postmaster.destroy();
        }
        if (!awaitExit(postmaster)) {
            log.warn("The orphaned embedded database (process {}) did not stop in {} s; killing it, it recovers on start",
                    postmaster.pid(), STOP_TIMEOUT_SECONDS);
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster)) {
                throw new IllegalStateException("Could not stop the orphaned embedded database, process " + postmaster.pid());
            }
        }
    }

    /** {@code pg_ctl stop -m fast}, the way zonky runs its binaries (under {@code unshare -U} when started as root). */
    private static boolean fastShutdown(Path pgCtl, Path dataDirectory) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "stop", "-m", "fast",
                "-w", "-t", Long.toString(STOP_TIMEOUT_SECONDS)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned embedded database", e);
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned embedded database", e);
        }
    }
}
