package dev.weir.engine.windowing;

import dev.weir.api.common.state.AggregatingState;
import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.state.InternalKvState;
import dev.weir.engine.state.KeyedStateBackend;
import dev.weir.engine.state.VoidNamespace;

/** Keyed state scoped to a namespace: the current window ({@code windowState()}) or none ({@code globalState()}). */
final class NamespacedStateStore implements KeyedStateStore {
    private final KeyedStateBackend backend;
    Object namespace = VoidNamespace.INSTANCE;

    NamespacedStateStore(KeyedStateBackend backend) {
        this.backend = backend;
    }

    @SuppressWarnings("unchecked")
    private <S extends State> S state(StateDescriptor<?> descriptor) {
        if (descriptor == null) {
            throw new NullPointerException("The state descriptor must not be null");
        }
        S state = backend.getOrCreateState(descriptor);
        ((InternalKvState<Object>) state).setCurrentNamespace(namespace);
        return state;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return state(stateProperties);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> stateProperties) {
        return state(stateProperties);
    }
}
