package dev.weir.engine.state;

import java.util.function.LongSupplier;

/** Time to live on the heap backend. */
class TtlStateTest extends TtlStateContractTest {
    @Override
    protected CheckpointableKeyedStateBackend create(LongSupplier clock) {
        return new HeapKeyedStateBackend(128, KeyGroupRange.of(0, 127), clock);
    }
}
