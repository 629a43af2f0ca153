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

    /** How much of the operator's id a database's directory name keeps (the UUID after it keeps it unique). */
    private static final int MAX_OPERATOR_CHARS = 100;

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
        String operator = p.operatorId().replaceAll("[^A-Za-z0-9_.-]+", "_");
        // A file name holds at most 255 bytes: an operator named after its window, trigger, evictor and lambdas can exceed it.
        String instance = operator.substring(0, Math.min(operator.length(), MAX_OPERATOR_CHARS)) + "-" + p.subtask() + "-"
                + UUID.randomUUID();
        Path directory = settings.localDir().resolve("weir-rocksdb-" + instance);
        RocksDBInstance rocks = new RocksDBInstance(directory, settings);
        return new RocksDBKeyedStateBackend(maxParallelism, p.keyGroupRange(), p.operatorName(), p.processingClock(),
                StateSerializers.create(), rocks, settings.incremental(), settings.heapTimers(), instance,
                settings.writeBackCache());
    }
}
