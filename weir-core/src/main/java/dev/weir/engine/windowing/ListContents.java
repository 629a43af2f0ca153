package dev.weir.engine.windowing;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.engine.state.InternalKvState;
import dev.weir.engine.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** The elements of a window, in arrival order, in a list state. */
final class ListContents implements WindowContents {
    private final ListState<Object> state;
    private final InternalKvState<Object> namespaced;

    @SuppressWarnings("unchecked")
    ListContents(KeyedStateBackend backend) {
        this.state = backend.getOrCreateState(new ListStateDescriptor<>("window-contents", Object.class));
        this.namespaced = (InternalKvState<Object>) state;
    }

    @Override
    public void setWindow(Object stateWindow) {
        namespaced.setCurrentNamespace(stateWindow);
    }

    @Override
    public void add(Object value, long timestamp) throws Exception {
        state.add(value);
    }

    @Override
    public boolean isEmpty() throws Exception {
        return !state.get().iterator().hasNext();
    }

    @Override
    public Iterable<Object> get() throws Exception {
        return state.get();
    }

    /**
     * The elements as a list evictors may edit through its iterator, then written back with {@link #replace}: the
     * heap backend's stored {@code ArrayList} itself, or a copy of what another backend decoded (read-only views).
     */
    List<Object> list() throws Exception {
        Iterable<Object> stored = state.get();
        if (stored instanceof ArrayList<Object> list) {
            return list;
        }
        List<Object> copy = new ArrayList<>();
        stored.forEach(copy::add);
        return copy;
    }

    void replace(List<Object> values) throws Exception {
        state.update(values);
    }

    @Override
    public void clear() throws Exception {
        state.clear();
    }

    @Override
    public void merge(Object target, Collection<?> sources) throws Exception {
        List<Object> merged = new ArrayList<>();
        for (Object source : sources) {
            namespaced.setCurrentNamespace(source);
            for (Iterator<Object> it = state.get().iterator(); it.hasNext(); ) {
                merged.add(it.next());
            }
            state.clear();
        }
        namespaced.setCurrentNamespace(target);
        state.addAll(merged);
    }
}
