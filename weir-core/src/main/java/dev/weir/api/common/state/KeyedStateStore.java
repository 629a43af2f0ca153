package dev.weir.api.common.state;

/** Hands out keyed state scoped to the current key: rich functions, checkpointed functions and window contexts use it. */
public interface KeyedStateStore {
    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

    <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> stateProperties);
}
