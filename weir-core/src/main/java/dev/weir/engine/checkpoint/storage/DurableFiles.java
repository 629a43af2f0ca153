package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Forces a checkpoint's files to disk together, once, when the checkpoint completes.
 *
 * <p>Why together: on a journaling file system (ext4, XFS) every {@code fsync} waits for a journal commit, and a commit
 * flushes the whole file system's pending metadata, so on a busy disk each one costs 10 ms to several hundred. Forced
 * one after the other as they were written, a checkpoint of ten subtask files paid ten commits in a row; forced from
 * several threads at once, the file system folds the waiting {@code fsync}s into one or two commits. The caller forces
 * one file itself and hands the others to a small pool of daemon threads (at most {@link #MAX_THREADS}; past that the
 * caller forces them too), so no queue grows.
 */
final class DurableFiles {
    static final int MAX_THREADS = 8;
    private static final ThreadPoolExecutor FORCING = new ThreadPoolExecutor(0, MAX_THREADS, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "weir-checkpoint-fsync");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private DurableFiles() {
    }

    /**
     * Returns once every file in {@code files} is on disk ({@code fsync}); throws naming the first file that could not
     * be forced. Files written by other threads are fine: {@code fsync} covers the file's data whoever wrote it.
     */
    static void forceAll(List<Path> files) {
        int n = files.size();
        if (n == 0) {
            return;
        }
        CompletableFuture<?>[] others = new CompletableFuture<?>[n - 1];
        for (int i = 1; i < n; i++) {
            Path file = files.get(i);
            others[i - 1] = CompletableFuture.runAsync(() -> force(file), FORCING);
        }
        force(files.get(0));
        for (CompletableFuture<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while forcing checkpoint files to disk; the checkpoint "
                        + "does not complete", e);
            }
        }
    }

    /** Forces one file's content and size to disk. */
    static void force(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force checkpoint file " + file + " to disk: " + e.getMessage()
                    + " (check the disk holding the checkpoint folder); the checkpoint does not complete", e);
        }
    }
}
