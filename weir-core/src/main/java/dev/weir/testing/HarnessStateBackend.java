package dev.weir.testing;

import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.state.HeapKeyedStateBackend;
import dev.weir.engine.state.KeyedStateBackend;
import dev.weir.engine.state.OwnedKeyedState;
import dev.weir.engine.state.StateEntryVisitor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real heap backend, remembering the descriptor of each state the operator creates: the harness reads state by
 * name and needs the descriptor's kind and time to live to show what the function would see.
 */
final class HarnessStateBackend implements KeyedStateBackend {
    private final HeapKeyedStateBackend heap;
    private final Map<String, StateDescriptor<?>> descriptors = new LinkedHashMap<>();

    HarnessStateBackend(HeapKeyedStateBackend heap) {
        this.heap = heap;
    }

    @Override
    public void setCurrentKey(Object key) {
        heap.setCurrentKey(key);
    }

    @Override
    public Object getCurrentKey() {
        return heap.getCurrentKey();
    }

    @Override
    public int getCurrentKeyGroup() {
        return heap.getCurrentKeyGroup();
    }

    @Override
    public int getMaxParallelism() {
        return heap.getMaxParallelism();
    }

    @Override
    public <S extends State> S getOrCreateState(StateDescriptor<?> descriptor) {
        S state = heap.getOrCreateState(descriptor);
        descriptors.putIfAbsent(descriptor.getName(), descriptor);
        return state;
    }

    @Override
    public void adopt(String stateName, OwnedKeyedState state, StateEntryVisitor restored) throws Exception {
        heap.adopt(stateName, state, restored);
    }

    @Override
    public Stream<Object> getKeys(String stateName, Object namespace) {
        return heap.getKeys(stateName, namespace);
    }

    HeapKeyedStateBackend heap() {
        return heap;
    }

    /** The descriptor of the named state, or null when the operator never created it. */
    StateDescriptor<?> descriptor(String stateName) {
        return descriptors.get(stateName);
    }

    Iterable<String> stateNames() {
        return descriptors.keySet();
    }
}
