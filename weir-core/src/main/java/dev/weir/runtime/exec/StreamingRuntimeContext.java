package dev.weir.runtime.exec;

import dev.weir.api.accumulators.Accumulator;
import dev.weir.api.functions.RuntimeContext;
import dev.weir.api.functions.TaskInfo;
import dev.weir.api.metrics.MetricGroup;
import dev.weir.api.state.AggregatingState;
import dev.weir.api.state.AggregatingStateDescriptor;
import dev.weir.api.state.ListState;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.MapState;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.ReducingState;
import dev.weir.api.state.ReducingStateDescriptor;
import dev.weir.api.state.State;
import dev.weir.api.state.StateDescriptor;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.runtime.operators.OperatorContext;
import java.io.Serializable;

/** The {@link RuntimeContext} rich functions see: task identity, metrics, accumulators and keyed state. */
public final class StreamingRuntimeContext implements RuntimeContext, TaskInfo, dev.weir.api.state.KeyedStateStore {
    private final OperatorContext context;
    private final JobAccumulators accumulators;

    public StreamingRuntimeContext(OperatorContext context, JobAccumulators accumulators) {
        this.context = context;
        this.accumulators = accumulators;
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
