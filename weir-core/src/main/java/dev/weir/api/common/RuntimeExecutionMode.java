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
     * per key at the end (timestamp {@code Long.MAX_VALUE}); watermark generators are ignored (timestamp assigners
     * are not), so every event-time and processing-time timer fires at the end of input, where timers registered from
     * timer callbacks are ignored (Flink quiesces the timer service there); keyed operators see each
     * key's records in timestamp order; broadcast inputs are processed before the other input; checkpointing is
     * off. Weir holds the records that wait (keyed input until it ends, non-broadcast input until the broadcast
     * input ends) on the heap, where Flink sorts with spilling to disk.
     */
    BATCH,
    /** BATCH when every source is bounded, else STREAMING. */
    AUTOMATIC
}
