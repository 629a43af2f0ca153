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

/** The checkpoints and savepoints of one job across its attempts, newest last; keeps the latest {@value #KEPT}. */
public final class CheckpointHistory {
    static final int KEPT = 50;
    private final Map<Long, CheckpointRecord> records = new LinkedHashMap<>();

    /** A checkpoint was triggered. */
    public synchronized void triggered(long id, long triggerTime, boolean savepoint) {
        records.put(id, new CheckpointRecord(id, "IN_PROGRESS", savepoint, triggerTime, -1, -1, null, null));
        while (records.size() > KEPT) {
            records.remove(records.keySet().iterator().next());
        }
    }

    /** A checkpoint completed at {@code path}; its size is read from disk (called off the task threads). */
    public void completed(long id, String path) {
        long size = sizeOf(path);
        long now = System.currentTimeMillis();
        synchronized (this) {
            CheckpointRecord r = records.get(id);
            if (r != null) {
                records.put(id, new CheckpointRecord(id, "COMPLETED", r.savepoint(), r.triggerTime(), now - r.triggerTime(), size, path, null));
            }
        }
    }

    /** A checkpoint failed or was aborted. */
    public synchronized void failed(long id, Throwable reason) {
        CheckpointRecord r = records.get(id);
        if (r != null && r.status().equals("IN_PROGRESS")) {
            records.put(id, new CheckpointRecord(id, "FAILED", r.savepoint(), r.triggerTime(),
                    System.currentTimeMillis() - r.triggerTime(), -1, null, String.valueOf(reason.getMessage())));
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
