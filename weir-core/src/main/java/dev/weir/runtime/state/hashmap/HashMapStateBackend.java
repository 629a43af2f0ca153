package dev.weir.runtime.state.hashmap;

import dev.weir.runtime.state.StateBackend;
import java.util.Map;

/**
 * Keeps keyed state as objects on the Java heap ({@code state.backend.type: hashmap}), Weir's default as Flink's:
 * the fastest backend (no serialization on access), bounded by the heap. Checkpoints copy the state and write it
 * whole. For state larger than memory, use {@code EmbeddedRocksDBStateBackend} (module weir-rocksdb).
 */
public class HashMapStateBackend implements StateBackend {
    private static final long serialVersionUID = 1L;

    public HashMapStateBackend() {
    }

    @Override
    public Map<String, String> toSettings() {
        return Map.of("state.backend.type", "hashmap");
    }

    @Override
    public String toString() {
        return "HashMapStateBackend";
    }
}
