package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.KeyedStateFileSnapshot;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.CheckpointWriter;
import java.nio.file.Path;

/** Checkpoints of one RocksDB backend as the only subtask of operator {@code op}, taken the way the coordinator does. */
final class OneSubtaskCheckpoints {
    static final String OPERATOR = "op";
    static final String NAME = "Keyed Process (1/1)";

    private OneSubtaskCheckpoints() {
    }

    /** Takes checkpoint {@code id} of the backend's files into {@code storage} and completes it; returns its folder. */
    static Path checkpoint(CheckpointStorage storage, long id, RocksDBKeyedStateBackend backend, int maxParallelism) throws Exception {
        CheckpointWriter writer = storage.begin(id, false);
        KeyedStateFileSnapshot snapshot = backend.snapshotFiles(id);
        try {
            writer.writeSubtask(OPERATOR, NAME, 1, maxParallelism, 0, new byte[0], 0, new byte[maxParallelism][],
                    snapshot.write(writer));
        } finally {
            snapshot.release();
        }
        Path path = writer.complete();
        backend.notifyCheckpointComplete(id);
        return path;
    }
}
