package dev.weir.engine.state;

import java.util.Map;

/**
 * The state-backend SPI's entry point: creates the keyed state backend of each keyed operator subtask. A module
 * registers its factory for {@link java.util.ServiceLoader} under {@code META-INF/services}; a job picks one with the
 * configuration key {@code state.backend.type} (Flink's key), whose value is the factory's {@link #type()}. weir-core
 * registers {@code hashmap}, weir-rocksdb {@code rocksdb}.
 */
public interface KeyedStateBackendFactory {
    /** The value of {@code state.backend.type} that selects this backend, e.g. {@code "rocksdb"}. */
    String type();

    /**
     * Checks the job's {@code state.backend.*} settings before the job starts, so that a job that cannot run fails
     * when it is built.
     *
     * @throws IllegalArgumentException naming the bad key, its value and what to write instead
     */
    void validate(Map<String, String> settings);

    /** A new, empty backend for one operator subtask; the engine restores into it and closes it. */
    CheckpointableKeyedStateBackend create(KeyedStateBackendParameters parameters) throws Exception;
}
