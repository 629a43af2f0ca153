package dev.weir.engine.windowing;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.state.InternalKvState;
import dev.weir.engine.state.KeyedStateBackend;
import java.util.Collection;

/**
 * A window pre-aggregated into one stored value: the reduced element or the accumulator. Subclasses say how a value
 * is added, how two stored values combine, and what the window function sees.
 */
abstract class ValueContents implements WindowContents {
    private final ValueState<Object> state;
    private final InternalKvState<Object> namespaced;
    private final OneElement result = new OneElement();

    @SuppressWarnings("unchecked")
    ValueContents(KeyedStateBackend backend) {
        this.state = backend.getOrCreateState(new ValueStateDescriptor<>("window-contents", Object.class));
        this.namespaced = (InternalKvState<Object>) state;
    }

    abstract Object addTo(Object stored, Object value) throws Exception;

    abstract Object combine(Object a, Object b) throws Exception;

    abstract Object result(Object stored) throws Exception;

    @Override
    public final void setWindow(Object stateWindow) {
        namespaced.setCurrentNamespace(stateWindow);
    }

    @Override
    public final void add(Object value, long timestamp) throws Exception {
        state.update(addTo(state.value(), value));
    }

    @Override
    public final boolean isEmpty() throws Exception {
        return state.value() == null;
    }

    @Override
    public final Iterable<Object> get() throws Exception {
        return result.of(result(state.value()));
    }

    @Override
    public final void clear() throws Exception {
        state.clear();
    }

    /** As Flink's heap state: the sources combine first, then the target combines with them. */
    @Override
    public final void merge(Object target, Collection<?> sources) throws Exception {
        Object merged = null;
        for (Object source : sources) {
            namespaced.setCurrentNamespace(source);
            Object stored = state.value();
            if (stored != null) {
                merged = merged == null ? stored : combine(merged, stored);
                state.clear();
            }
        }
        namespaced.setCurrentNamespace(target);
        if (merged != null) {
            Object current = state.value();
            state.update(current == null ? merged : combine(current, merged));
        }
    }
}
