package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.KeyedStateFileSnapshot;
import dev.weir.engine.checkpoint.storage.CheckpointWriter;
import dev.weir.engine.checkpoint.storage.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * One RocksDB checkpoint of one subtask (a local folder of hard-linked SST files, a MANIFEST and the
 * {@link ColumnCatalog}) on its way into Weir's checkpoint. Incremental: an SST file an earlier checkpoint already
 * stored is referenced, a new one is copied to the job's shared folder, the small rest into the checkpoint's own
 * folder. Full: every file is copied into the checkpoint's own folder. Files go from disk to disk; no state passes
 * through the heap.
 */
final class RocksDBFileSnapshot implements KeyedStateFileSnapshot {
    private static final System.Logger LOG = System.getLogger(RocksDBFileSnapshot.class.getName());

    private final Path localDirectory;
    private final long checkpointId;
    private final String storedPrefix;
    private final boolean incremental;
    private final Map<String, StateFile> previous;
    private final BiConsumer<Long, Map<String, StateFile>> written;
    private final SynchronousPart taken;

    /**
     * @param storedPrefix what makes the stored names unique in the job (operator, subtask, backend instance)
     * @param previous     the shared SST files earlier checkpoints stored, by local name
     * @param written      told the SST files this checkpoint references once they are written
     * @param taken        how long taking the local RocksDB checkpoint held up the task thread (for the log)
     */
    RocksDBFileSnapshot(Path localDirectory, long checkpointId, String storedPrefix, boolean incremental,
                        Map<String, StateFile> previous, BiConsumer<Long, Map<String, StateFile>> written, SynchronousPart taken) {
        this.localDirectory = localDirectory;
        this.checkpointId = checkpointId;
        this.storedPrefix = storedPrefix;
        this.incremental = incremental;
        this.previous = previous;
        this.written = written;
        this.taken = taken;
    }

    @Override
    public List<StateFile> write(CheckpointWriter writer) throws IOException {
        List<Path> local;
        try (Stream<Path> files = Files.list(localDirectory)) {
            local = files.sorted().toList();
        }
        List<StateFile> result = new ArrayList<>(local.size());
        Map<String, StateFile> shared = new HashMap<>();
        long uploadedBytes = 0;
        long reusedBytes = 0;
        int uploaded = 0;
        for (Path file : local) {
            String name = file.getFileName().toString();
            StateFile stored;
            if (incremental && writer.sharesStateFiles() && name.endsWith(".sst")) {
                StateFile before = previous.get(name);
                // The checkpoint id in the name: two checkpoints in flight may both upload a file neither knew stored.
                stored = writer.shareStateFile(file, before, storedPrefix + "-" + checkpointId + "-" + name);
                shared.put(name, stored);
                if (stored == before) {
                    reusedBytes += stored.length();
                    result.add(stored);
                    continue;
                }
            } else {
                stored = writer.writeStateFile(file, storedPrefix + "-" + name);
            }
            uploaded++;
            uploadedBytes += stored.length();
            result.add(stored);
        }
        written.accept(checkpointId, shared);
        LOG.log(System.Logger.Level.INFO, "RocksDB checkpoint {0} of {1}: {2} files, {3} uploaded ({4} bytes), {5} SST files "
                + "referenced from earlier checkpoints ({6} bytes); {7}", checkpointId, storedPrefix, result.size(), uploaded,
                uploadedBytes, result.size() - uploaded, reusedBytes, taken);
        return result;
    }

    @Override
    public void release() {
        if (Files.exists(localDirectory)) {
            try {
                RocksDBInstance.deleteRecursively(localDirectory);
            } catch (UncheckedIOException e) {
                // Left in the working directory, which is deleted when the task ends.
            }
        }
    }
}
