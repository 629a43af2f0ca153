package dev.weir.api.common.functions;

import dev.weir.api.common.TaskInfo;

import dev.weir.api.common.accumulators.Accumulator;
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

/**
 * What a running rich function knows about its task: which parallel instance it is, its metrics, accumulators
 * and — on a keyed stream — state scoped to the key of the element being processed.
 */
public interface RuntimeContext {
    /** Describes the parallel instance this function runs in. */
    TaskInfo getTaskInfo();

    /** Flink 1.x style; the same as {@code getTaskInfo().getIndexOfThisSubtask()}. */
    default int getIndexOfThisSubtask() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    /** Flink 1.x style; the same as {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }

    /** Flink 1.x style; the same as {@code getTaskInfo().getMaxNumberOfParallelSubtasks()}. */
    default int getMaxNumberOfParallelSubtasks() {
        return getTaskInfo().getMaxNumberOfParallelSubtasks();
    }

    /** Flink 1.x style; the same as {@code getTaskInfo().getAttemptNumber()}: 0 in the first run, +1 per restart. */
    default int getAttemptNumber() {
        return getTaskInfo().getAttemptNumber();
    }

    /** Flink 1.x style; the same as {@code getTaskInfo().getTaskName()}. */
    default String getTaskName() {
        return getTaskInfo().getTaskName();
    }

    /** Flink 1.x style; the same as {@code getTaskInfo().getTaskNameWithSubtasks()}, e.g. {@code "Map (2/4)#0"}. */
    default String getTaskNameWithSubtasks() {
        return getTaskInfo().getTaskNameWithSubtasks();
    }

    MetricGroup getMetricGroup();

    /**
     * The job's global parameters as a map (Flink 1.19+): what {@code env.getConfig().setGlobalJobParameters(...)} or
     * {@code pipeline.global-job-parameters} set; empty when nothing was set.
     */
    default java.util.Map<String, String> getGlobalJobParameters() {
        return getExecutionConfig().getGlobalJobParameters().toMap();
    }

    /**
     * The job's execution config, Flink 1.x style (removed in Flink 2.x): {@code (ParameterTool)
     * getExecutionConfig().getGlobalJobParameters()} returns the object the job set. A context outside a running job
     * has an empty one.
     */
    default dev.weir.api.common.ExecutionConfig getExecutionConfig() {
        return new dev.weir.api.common.ExecutionConfig();
    }

    /** Registers an accumulator under a name; the job's result merges the values of all subtasks. */
    <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name);

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);
}
