package dev.weir.engine.exec;

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
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.operators.OperatorContext;
import java.io.Serializable;

/** The {@link RuntimeContext} rich functions see: task identity, metrics, accumulators and keyed state. */
public final class StreamingRuntimeContext implements RuntimeContext, TaskInfo, dev.weir.api.common.state.KeyedStateStore {
    private final OperatorContext context;
    private final JobAccumulators accumulators;

    public StreamingRuntimeContext(OperatorContext context, JobAccumulators accumulators) {
        this.context = context;
        this.accumulators = accumulators;
    }

    @Override
    public dev.weir.api.common.ExecutionConfig getExecutionConfig() {
        return context.executionConfig();
    }

    @Override
    public TaskInfo getTaskInfo() {
        return this;
    }

    @Override
    public String getTaskName() {
        return context.operatorName();
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return TaskInfo.super.getTaskNameWithSubtasks();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return context.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return context.parallelism();
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return context.maxParallelism();
    }

    @Override
    public int getAttemptNumber() {
        return context.attemptNumber();
    }

    @Override
    public MetricGroup getMetricGroup() {
        return context.metricGroup();
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        accumulators.add(context.subtaskIndex(), context.operatorName(), name, accumulator);
    }

    /** The named accumulator of this operator subtask, created in the same step when missing (runtime metrics). */
    public <V, A extends Serializable> Accumulator<V, A> getOrAddAccumulator(String name,
                                                                         java.util.function.Supplier<? extends Accumulator<V, A>> create) {
        return accumulators.getOrAdd(context.subtaskIndex(), context.operatorName(), name, create);
    }

    @Override
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return accumulators.get(context.subtaskIndex(), context.operatorName(), name);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return keyedState(descriptor);
    }

    private <S extends State> S keyedState(StateDescriptor<?> descriptor) {
        if (descriptor == null) {
            throw new NullPointerException("The state descriptor must not be null");
        }
        if (context.keyedStateBackend() == null) {
            throw new UnsupportedOperationException("Keyed state can only be used on a 'keyed stream', i.e., after a 'keyBy()' operation. "
                    + context.describe() + " asked for state '" + descriptor.getName() + "' but its input is not keyed: call keyBy(...) before it");
        }
        return context.keyedStateBackend().getOrCreateState(descriptor);
    }
}
