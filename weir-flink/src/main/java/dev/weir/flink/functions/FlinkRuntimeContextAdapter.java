package dev.weir.flink.functions;

import dev.weir.api.common.TaskInfo;
import dev.weir.api.common.accumulators.Accumulator;
import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.api.common.state.AggregatingState;
import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.flink.state.FlinkStateStore;
import dev.weir.metrics.MetricGroup;

/**
 * A Weir function's {@link RuntimeContext} inside a Flink task: task information, metrics and keyed state come from
 * Flink's runtime context. Accumulators are not carried over yet and say so when used.
 */
final class FlinkRuntimeContextAdapter implements RuntimeContext {
    private final org.apache.flink.api.common.functions.RuntimeContext flink;
    private final FlinkStateStore state;
    private final TaskInfo taskInfo;

    FlinkRuntimeContextAdapter(org.apache.flink.api.common.functions.RuntimeContext flink) {
        this.flink = flink;
        this.state = new FlinkStateStore(new RuntimeContextStateStore(flink));
        var info = flink.getTaskInfo();
        this.taskInfo = new TaskInfo() {
            @Override
            public String getTaskName() {
                return info.getTaskName();
            }

            @Override
            public int getIndexOfThisSubtask() {
                return info.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return info.getNumberOfParallelSubtasks();
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return info.getMaxNumberOfParallelSubtasks();
            }

            @Override
            public int getAttemptNumber() {
                return info.getAttemptNumber();
            }
        };
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public MetricGroup getMetricGroup() {
        return new FlinkMetricGroup(flink.getMetricGroup());
    }

    @Override
    public <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        throw new UnsupportedOperationException("Accumulator '" + name + "': the weir-flink runner does not carry accumulators"
                + " over to Flink yet; count with a metric (getMetricGroup().counter(...)) instead");
    }

    @Override
    public <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name) {
        throw new UnsupportedOperationException("Accumulator '" + name + "': the weir-flink runner does not carry accumulators"
                + " over to Flink yet; count with a metric (getMetricGroup().counter(...)) instead");
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return state.getState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return state.getListState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return state.getReducingState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return state.getAggregatingState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return state.getMapState(descriptor);
    }
}
