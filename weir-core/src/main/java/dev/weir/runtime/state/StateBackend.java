package dev.weir.runtime.state;

import java.io.Serializable;
import java.util.Map;

/**
 * Where a job keeps its keyed state while it runs, set with {@code env.setStateBackend(...)} or the configuration
 * key {@code state.backend.type}: {@link dev.weir.runtime.state.hashmap.HashMapStateBackend} (on the heap, the
 * default) or {@code EmbeddedRocksDBStateBackend} from the weir-rocksdb module (on local disk, for state larger than
 * memory).
 *
 * <p>Weir differs from Flink here: a state backend is a description of the backend's configuration, not the code
 * that creates the state (the engine does, from {@link #toSettings()}), so Flink's {@code createKeyedStateBackend}
 * and {@code createOperatorStateBackend} are absent. Checkpoints and savepoints are written in one format whatever
 * the backend, so a job switches backends by restoring from a savepoint.
 */
public interface StateBackend extends Serializable {
    /** The backend's name, as Flink reports it. */
    default String getName() {
        return getClass().getSimpleName();
    }

    /**
     * Weir: the configuration this backend stands for ({@code state.backend.type} and its options), which the engine
     * reads to create the state of each keyed operator.
     */
    Map<String, String> toSettings();
}
