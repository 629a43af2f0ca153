package dev.weir.engine.operators;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.metrics.MetricGroup;
import dev.weir.engine.state.KeyedStateBackend;
import dev.weir.engine.time.KeyedTimerServices;
import dev.weir.engine.time.ProcessingTimeService;

/** What the task gives an operator when it sets it up. */
public interface OperatorContext {
    /** The operator's name as the user gave it (or its kind). */
    String operatorName();

    int subtaskIndex();

    int parallelism();

    int maxParallelism();

    int attemptNumber();

    /** The context handed to the operator's rich functions. */
    RuntimeContext runtimeContext();

    /** The keyed state of a keyed operator, or null. */
    KeyedStateBackend keyedStateBackend();

    /** The timers of a keyed operator, or null. */
    KeyedTimerServices timerServices();

    /** The key selector of the given input (0 or 1) of a keyed operator, or null. */
    KeySelector<Object, Object> keySelector(int input);

    ProcessingTimeService processingTimeService();

    MetricGroup metricGroup();

    long autoWatermarkIntervalMillis();

    /** Whether the job takes checkpoints; two-phase-commit sinks commit at the end of input when it does not. */
    default boolean checkpointingEnabled() {
        return false;
    }

    /**
     * Whether the job runs in BATCH mode: rolling aggregations emit only final values, and all timers fire at the
     * end of input.
     */
    default boolean batch() {
        return false;
    }

    /** The job's execution config, with its global job parameters. */
    default ExecutionConfig executionConfig() {
        return new ExecutionConfig();
    }

    /** e.g. "Map 'parse' (2/4)", for error messages. */
    default String describe() {
        return operatorName() + " (" + (subtaskIndex() + 1) + "/" + parallelism() + ")";
    }
}
