package dev.weir.testing;

import dev.weir.api.functions.KeySelector;
import dev.weir.api.functions.RuntimeContext;
import dev.weir.api.metrics.MetricGroup;
import dev.weir.runtime.exec.JobAccumulators;
import dev.weir.runtime.exec.StreamingRuntimeContext;
import dev.weir.runtime.metrics.OperatorMetricGroup;
import dev.weir.runtime.operators.OperatorContext;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.time.KeyedTimerServices;
import dev.weir.runtime.time.ProcessingTimeService;

/** The {@link OperatorContext} of the one operator a harness runs: the subtask it pretends to be, and its services. */
final class HarnessContext implements OperatorContext {
    private final String operatorName;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final KeyedStateBackend keyedState;
    private final KeyedTimerServices timers;
    private final KeySelector<Object, Object>[] keySelectors;
    private final ProcessingTimeService processingTime;
    private final MetricGroup metrics;
    private final RuntimeContext runtimeContext;

    HarnessContext(String operatorName, int subtaskIndex, int parallelism, int maxParallelism, KeyedStateBackend keyedState,
                   KeyedTimerServices timers, KeySelector<Object, Object>[] keySelectors, ProcessingTimeService processingTime) {
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.keyedState = keyedState;
        this.timers = timers;
        this.keySelectors = keySelectors;
        this.processingTime = processingTime;
        this.metrics = new OperatorMetricGroup(operatorName + "." + subtaskIndex);
        this.runtimeContext = new StreamingRuntimeContext(this, new JobAccumulators());
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
        return 0;
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

    /** The runtime's default; only sources and watermark assigners read it, and a harness runs neither. */
    @Override
    public long autoWatermarkIntervalMillis() {
        return 200L;
    }
}
