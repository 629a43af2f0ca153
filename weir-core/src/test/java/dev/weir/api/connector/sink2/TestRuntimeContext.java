package dev.weir.api.connector.sink2;

import dev.weir.api.common.accumulators.Accumulator;
import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.api.common.TaskInfo;
import dev.weir.metrics.MetricGroup;
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
import java.io.Serializable;

/** A {@link RuntimeContext} test double that knows only its subtask; sink functions here need nothing else. */
public record TestRuntimeContext(int subtask, int parallelism) implements RuntimeContext {
    @Override
    public TaskInfo getTaskInfo() {
        return new TaskInfo() {
            @Override
            public String getTaskName() {
                return "Sink: test";
            }

            @Override
            public int getIndexOfThisSubtask() {
                return subtask;
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return parallelism;
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return 128;
            }

            @Override
            public int getAttemptNumber() {
                return 0;
            }
        };
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("Not part of this test double");
    }

    @Override
    public MetricGroup getMetricGroup() {
        throw unused();
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        throw unused();
    }

    @Override
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        throw unused();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        throw unused();
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        throw unused();
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        throw unused();
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        throw unused();
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        throw unused();
    }
}
