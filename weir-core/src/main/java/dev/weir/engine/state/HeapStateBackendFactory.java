package dev.weir.engine.state;

import java.util.Map;

/**
 * Creates {@link HeapKeyedStateBackend}s: {@code state.backend.type: hashmap}, Flink's {@code HashMapStateBackend}
 * and the default. It has no options of its own; options of other backends ({@code state.backend.rocksdb.*},
 * {@code state.backend.incremental}) are ignored, as Flink ignores them when the heap backend is chosen.
 */
public final class HeapStateBackendFactory implements KeyedStateBackendFactory {
    @Override
    public String type() {
        return "hashmap";
    }

    @Override
    public void validate(Map<String, String> settings) {
        // Nothing to check: the heap backend has no options.
    }

    @Override
    public CheckpointableKeyedStateBackend create(KeyedStateBackendParameters p) {
        return new HeapKeyedStateBackend(p.maxParallelism(), p.keyGroupRange(), p.processingClock());
    }
}
