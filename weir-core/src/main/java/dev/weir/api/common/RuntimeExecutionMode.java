package dev.weir.api.common;

/**
 * How a job runs, as in Flink ({@code execution.runtime-mode}): {@link #STREAMING} emits results as records arrive;
 * {@link #BATCH} needs bounded input and emits only final results; {@link #AUTOMATIC} picks BATCH when every source
 * is bounded, else STREAMING.
 */
public enum RuntimeExecutionMode {
    /** Continuous, incremental results; the only mode for unbounded sources. The default. */
    STREAMING,
    /**
     * Final results only, for bounded input: rolling aggregations ({@code reduce}, {@code sum}, ...) emit one value
     * per key at the end, watermark generators are ignored and every event-time and processing-time timer fires at
     * the end of input, and checkpointing is off.
     */
    BATCH,
    /** BATCH when every source is bounded, else STREAMING. */
    AUTOMATIC
}
