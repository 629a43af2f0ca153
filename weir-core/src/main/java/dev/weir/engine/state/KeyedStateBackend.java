package dev.weir.engine.state;

import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import java.util.stream.Stream;

/**
 * Keyed state of one operator subtask, organised by key group so it can be redistributed when parallelism changes.
 * The operator sets the current key before each element or timer; state objects then read and write that key's
 * values. Called by the task's thread only.
 */
public interface KeyedStateBackend extends KeyContext {
    /**
     * Scopes state to {@code key}, whose key group the caller already computed with this backend's max parallelism
     * (the keyed exchange carries it with each record). The default computes it again.
     */
    default void setCurrentKey(Object key, int keyGroup) {
        setCurrentKey(key);
    }

    /** The key group of the current key. */
    int getCurrentKeyGroup();

    int getMaxParallelism();

    /**
     * The state for a descriptor, created on first use and the same object on later calls with the same name. The
     * returned object also implements {@link InternalKvState}; its namespace starts as {@link VoidNamespace}.
     * Asking for an existing name with a different kind of descriptor fails with a message naming both.
     */
    <S extends State> S getOrCreateState(StateDescriptor<?> descriptor);

    /**
     * Lets an operator keep keyed state in a structure of its own that still takes part in checkpoints: snapshots
     * visit {@code state} under {@code stateName}, and the entries restored under that name are handed to
     * {@code restored} now, once, and leave the backend. The name must not be used by a state of the backend.
     */
    void adopt(String stateName, OwnedKeyedState state, StateEntryVisitor restored) throws Exception;

    /** The keys that have a value in the named state and namespace (for tests and the harness). */
    Stream<Object> getKeys(String stateName, Object namespace);
}
