package dev.weir.api.common.state;

import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapStateDescriptor;

/**
 * Non-keyed state of one operator subtask. On restore at another parallelism, list state is split evenly over the
 * new subtasks ({@link #getListState}), or every subtask gets all of it ({@link #getUnionListState}).
 */
public interface OperatorStateStore {
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws Exception;

    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws Exception;

    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws Exception;
}
