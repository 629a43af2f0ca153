package dev.weir.engine.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The checkpoints and savepoints of one job across its attempts, newest last; keeps the latest {@value #KEPT}, and
 * counts every one since the job started (Flink's checkpoint statistics: completed, failed, in progress, the latest
 * duration and size, the latest restore).
 */
public final class CheckpointHistory {
    static final int KEPT = 50;
    private final Map<Long, CheckpointRecord> records = new LinkedHashMap<>();
    private long completed;
    private long failed;
    private long inProgress;
    private long lastDuration = -1;
    private long lastSize = -1;
    private long lastRestoreTimestamp = -1;

    /** Flink's checkpoint counters and gauges of a job, as {@code /metrics} and the REST API show them. */
    public record Counts(long completed, long failed, long inProgress, long lastDuration, long lastSize, long lastRestoreTimestamp) {
    }

    /** A checkpoint was triggered. */
    public synchronized void triggered(long id, long triggerTime, boolean savepoint) {
        records.put(id, new CheckpointRecord(id, "IN_PROGRESS", savepoint, triggerTime, -1, -1, null, null));
        inProgress++;
        while (records.size() > KEPT) {
            CheckpointRecord evicted = records.remove(records.keySet().iterator().next());
            if (evicted.status().equals("IN_PROGRESS")) {
                inProgress--;
            }
        }
    }

    /**
     * A checkpoint completed at {@code path} at {@code completedAt} (when its {@code _metadata} was written: its duration
     * ends there, as Flink's end-to-end duration ends at the last acknowledgement, before retention deletes older
     * checkpoints); its size is read from disk (called off the task threads).
     */
    public void completed(long id, String path, long completedAt) {
        long size = sizeOf(path);
        synchronized (this) {
            CheckpointRecord r = records.get(id);
            if (r != null && r.status().equals("IN_PROGRESS")) {
                records.put(id, new CheckpointRecord(id, "COMPLETED", r.savepoint(), r.triggerTime(), completedAt - r.triggerTime(), size,
                        path, null));
                inProgress--;
                completed++;
                lastDuration = completedAt - r.triggerTime();
                lastSize = size;
            }
        }
    }

    /**
     * A checkpoint that failed before it could even be triggered (its folder could not be created, say): recorded
     * as FAILED at once, so that no failure of any stage goes unseen.
     */
    public synchronized void failedToStart(long id, long triggerTime, boolean savepoint, Throwable reason) {
        triggered(id, triggerTime, savepoint);
        failed(id, reason);
    }

    /** The job (re)started from a checkpoint or savepoint at {@code timestamp}. */
    public synchronized void restored(long timestamp) {
        lastRestoreTimestamp = timestamp;
    }

    public synchronized Counts counts() {
        return new Counts(completed, failed, inProgress, lastDuration, lastSize, lastRestoreTimestamp);
    }

    /** A checkpoint failed or was aborted. */
    public synchronized void failed(long id, Throwable reason) {
        CheckpointRecord r = records.get(id);
        if (r != null && r.status().equals("IN_PROGRESS")) {
            records.put(id, new CheckpointRecord(id, "FAILED", r.savepoint(), r.triggerTime(),
                    System.currentTimeMillis() - r.triggerTime(), -1, null, String.valueOf(reason.getMessage())));
            inProgress--;
            failed++;
        }
    }

    public synchronized List<CheckpointRecord> records() {
        return new ArrayList<>(records.values());
    }

    private static long sizeOf(String path) {
        Path root = Path.of(path);
        if (Files.isRegularFile(root)) {
            root = root.getParent();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
