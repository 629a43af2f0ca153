package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where checkpoints bound for an object store are staged, and where restored ones are downloaded: one folder per
 * process, {@code <java.io.tmpdir>/weir-checkpoint-staging/<pid>-<process start in epoch ms>}. A process that ends
 * normally deletes its folder; one killed with SIGKILL cannot, so the next process that stages anything deletes the
 * folders of processes that are gone (the start time tells a reused pid from the process that made the folder).
 */
final class StagingFolders {
    static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "weir-checkpoint-staging");
    private static final Pattern PROCESS_FOLDER = Pattern.compile("^(\\d{1,19})-(\\d{1,19})$");
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(StagingFolders.class.getName());
    private static Path own;

    private StagingFolders() {
    }

    /** This process's staging folder, created on first use after deleting the folders of processes that are gone. */
    static synchronized Path own() {
        if (own == null) {
            int deleted = deleteLeftovers(ROOT);
            if (deleted > 0) {
                LOG.log(System.Logger.Level.INFO, "Deleted " + deleted + " checkpoint staging folders in " + ROOT
                        + " left by processes that ended without cleaning up (killed)");
            }
            Path folder = ROOT.resolve(folderName(ProcessHandle.current()));
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the checkpoint staging folder " + folder + ": " + e.getMessage()
                        + " (set java.io.tmpdir to a writable folder)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Folders.deleteRecursively(folder);
                } catch (UncheckedIOException e) {
                    // A job still writing at exit: the next process deletes what is left, as for a killed one.
                }
            }, "weir-staging-cleanup"));
            own = folder;
        }
        return own;
    }

    /** {@code <pid>-<start ms>}, or {@code <pid>-0} when the system does not tell the start time. */
    static String folderName(ProcessHandle process) {
        return process.pid() + "-" + process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Deletes the folders under {@code root} named for a process that no longer runs; folders of running processes and
     * anything not named {@code <pid>-<start ms>} stay. Returns how many were deleted.
     */
    static int deleteLeftovers(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                Matcher m = PROCESS_FOLDER.matcher(folder.getFileName().toString());
                if (m.matches() && Files.isDirectory(folder) && !running(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) {
                    try {
                        Folders.deleteRecursively(folder);
                        deleted++;
                    } catch (UncheckedIOException e) {
                        LOG.log(System.Logger.Level.WARNING, "Could not delete the leftover staging folder " + folder + ": "
                                + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not list " + root + " for leftover staging folders: " + e.getMessage());
        }
        return deleted;
    }

    /** Whether the process that made a folder still runs: its pid is alive and, when known, started at {@code startMillis}. */
    private static boolean running(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        if (startMillis == 0) {
            return true;
        }
        return process.get().info().startInstant().map(start -> start.toEpochMilli() == startMillis).orElse(true);
    }
}
