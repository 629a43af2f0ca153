package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializers;
import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.KeyedStateBackendFactory;
import dev.weir.engine.state.KeyedStateBackendParameters;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Creates {@link RocksDBKeyedStateBackend}s for {@code state.backend.type: rocksdb}; registered for
 * {@link java.util.ServiceLoader}, so adding weir-rocksdb to the class path is all a job needs.
 */
public final class RocksDBStateBackendFactory implements KeyedStateBackendFactory {

    @Override
    public String type() {
        return "rocksdb";
    }

    @Override
    public void validate(Map<String, String> settings) {
        RocksDBSettings parsed = RocksDBSettings.from(settings);
    }

    @Override
    public CheckpointableKeyedStateBackend create(KeyedStateBackendParameters p) throws Exception {
        int maxParallelism = p.maxParallelism();
        if (maxParallelism < 1 || maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("max parallelism must be in 1.."
                    + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM + ", was " + maxParallelism);
        }
        if (!p.keyGroupRange().isEmpty() && p.keyGroupRange().getEndKeyGroup() >= maxParallelism) {
            throw new IllegalArgumentException(p.keyGroupRange() + " reaches past the last key group " + (maxParallelism - 1)
                    + " of max parallelism " + maxParallelism);
        }
        RocksDBSettings settings = RocksDBSettings.from(p.settings());
        String instance = p.operatorId().replaceAll("[^A-Za-z0-9_.-]+", "_") + "-" + p.subtask() + "-" + UUID.randomUUID();
        Path directory = settings.localDir().resolve("weir-rocksdb-" + instance);
        RocksDBInstance rocks = new RocksDBInstance(directory, settings);
        return new RocksDBKeyedStateBackend(maxParallelism, p.keyGroupRange(), p.operatorName(), p.processingClock(),
                StateSerializers.create(), rocks, settings.incremental(), settings.heapTimers(), instance,
                settings.writeBackCache());
    }
}
