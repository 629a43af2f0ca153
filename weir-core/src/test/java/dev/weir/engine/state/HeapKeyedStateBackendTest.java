package dev.weir.engine.state;

/** The keyed state contract on the heap backend. */
class HeapKeyedStateBackendTest extends KeyedStateBackendContractTest {
    @Override
    protected CheckpointableKeyedStateBackend create(int maxParallelism, KeyGroupRange range) {
        return new HeapKeyedStateBackend(maxParallelism, range, () -> 0L);
    }
}
