package dev.weir.runtime.state;

import dev.weir.api.state.State;
import dev.weir.api.state.StateDescriptor;
import java.util.stream.Stream;

/**
 * Keyed state of one operator subtask, organised by key group so it can be redistributed when parallelism changes.
 * The operator sets the current key before each element or timer; state objects then read and write that key's
 * values. Called by the task's thread only.
 */
public interface KeyedStateBackend extends KeyContext {
    /** The key group of the current key. */
    int getCurrentKeyGroup();

    int getMaxParallelism();

    /**
     * The state for a descriptor, created on first use and the same object on later calls with the same name. The
     * returned object also implements {@link InternalKvState}; its namespace starts as {@link VoidNamespace}.
     * Asking for an existing name with a different kind of descriptor fails with a message naming both.
     */
    <S extends State> S getOrCreateState(StateDescriptor<?> descriptor);

    /** The keys that have a value in the named state and namespace (for tests and the harness). */
    Stream<Object> getKeys(String stateName, Object namespace);
}
