package dev.weir.engine.exec;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.metrics.MetricGroup;
import dev.weir.engine.operators.OperatorContext;
import dev.weir.engine.state.KeyedStateBackend;
import dev.weir.engine.time.KeyedTimerServices;
import dev.weir.engine.time.ProcessingTimeService;

/** The {@link OperatorContext} of one operator in one subtask. */
public final class SubtaskContext implements OperatorContext {
    private final String operatorName;
    private final String description;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final KeyedStateBackend keyedState;
    private final KeyedTimerServices timers;
    private final KeySelector<Object, Object>[] keySelectors;
    private final ProcessingTimeService processingTime;
    private final MetricGroup metrics;
    private final long autoWatermarkInterval;
    private final StreamingRuntimeContext runtimeContext;
    private final boolean checkpointing;
    private final int attempt;
    private final boolean batch;
    private final ExecutionConfig executionConfig;

    /** Used by the task wiring and by the operator test harness ({@code dev.weir.testing}). */
    public SubtaskContext(String operatorName, String description, int subtaskIndex, int parallelism, int maxParallelism, KeyedStateBackend keyedState,
                   KeyedTimerServices timers, KeySelector<Object, Object>[] keySelectors, ProcessingTimeService processingTime,
                   MetricGroup metrics, long autoWatermarkInterval, JobAccumulators accumulators, boolean checkpointing, int attempt) {
        this(operatorName, description, subtaskIndex, parallelism, maxParallelism, keyedState, timers, keySelectors, processingTime,
                metrics, autoWatermarkInterval, accumulators, checkpointing, attempt, false, new ExecutionConfig());
    }

    /** Used by the task wiring: also whether the job runs in BATCH mode, and the job's {@link ExecutionConfig}. */
    public SubtaskContext(String operatorName, String description, int subtaskIndex, int parallelism, int maxParallelism, KeyedStateBackend keyedState,
                   KeyedTimerServices timers, KeySelector<Object, Object>[] keySelectors, ProcessingTimeService processingTime,
                   MetricGroup metrics, long autoWatermarkInterval, JobAccumulators accumulators, boolean checkpointing, int attempt,
                   boolean batch, ExecutionConfig executionConfig) {
        this.batch = batch;
        this.executionConfig = executionConfig;
        this.checkpointing = checkpointing;
        this.attempt = attempt;
        this.operatorName = operatorName;
        this.description = description;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.keyedState = keyedState;
        this.timers = timers;
        this.keySelectors = keySelectors;
        this.processingTime = processingTime;
        this.metrics = metrics;
        this.autoWatermarkInterval = autoWatermarkInterval;
        this.runtimeContext = new StreamingRuntimeContext(this, accumulators);
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    @Override
    public int subtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public int maxParallelism() {
        return maxParallelism;
    }

    @Override
    public int attemptNumber() {
        return attempt;
    }

    @Override
    public boolean checkpointingEnabled() {
        return checkpointing;
    }

    @Override
    public boolean batch() {
        return batch;
    }

    @Override
    public ExecutionConfig executionConfig() {
        return executionConfig;
    }

    @Override
    public RuntimeContext runtimeContext() {
        return runtimeContext;
    }

    @Override
    public KeyedStateBackend keyedStateBackend() {
        return keyedState;
    }

    @Override
    public KeyedTimerServices timerServices() {
        return timers;
    }

    @Override
    public KeySelector<Object, Object> keySelector(int input) {
        return input < keySelectors.length ? keySelectors[input] : null;
    }

    @Override
    public ProcessingTimeService processingTimeService() {
        return processingTime;
    }

    @Override
    public MetricGroup metricGroup() {
        return metrics;
    }

    @Override
    public String describe() {
        return description + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
    }

    @Override
    public long autoWatermarkIntervalMillis() {
        return autoWatermarkInterval;
    }
}
