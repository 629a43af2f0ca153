package dev.weir.engine.state;

/**
 * Receives the entries of a {@link CheckpointableKeyedStateBackend} one key group at a time, for snapshots. The value
 * is the stored form (see {@link CheckpointableKeyedStateBackend}); unless the backend
 * {@linkplain CheckpointableKeyedStateBackend#visitsDetachedValues() hands out detached values}, it must be copied or
 * serialized before the visit returns because the backend keeps mutating it afterwards.
 */
@FunctionalInterface
public interface StateEntryVisitor {
    void visit(String stateName, Object key, Object namespace, Object storedValue) throws Exception;
}
