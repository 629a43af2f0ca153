package dev.weir.engine.state;

/**
 * Keyed state an operator keeps in a structure of its own rather than in the backend's state tables (the slicing
 * window operator keeps its slices by time, not by key), registered with {@link KeyedStateBackend#adopt} so that
 * snapshots still hold it, key group by key group, and restores hand it back.
 */
public interface OwnedKeyedState {
    /** Visits every entry with its key's key group, in stored form; the visitor must not change the state. */
    void forEachEntry(Visitor visitor) throws Exception;

    /** Receives the entries of an {@link OwnedKeyedState}. */
    @FunctionalInterface
    interface Visitor {
        void visit(int keyGroup, Object key, Object namespace, Object storedValue) throws Exception;
    }
}
