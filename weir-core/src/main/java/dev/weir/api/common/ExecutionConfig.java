package dev.weir.api.common;

import java.time.Duration;

/**
 * Job-wide settings. Object reuse is accepted for Flink compatibility and has no effect: Weir always passes
 * records by reference between chained operators.
 */
public final class ExecutionConfig {
    private long autoWatermarkIntervalMillis = 200;
    private boolean objectReuse;
    private int parallelism = -1;
    private int maxParallelism = -1;

    /** How often, in processing time, periodic watermark generators are asked for a watermark. */
    public ExecutionConfig setAutoWatermarkInterval(long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("The auto-watermark interval must not be negative, was " + intervalMillis);
        }
        this.autoWatermarkIntervalMillis = intervalMillis;
        return this;
    }

    public ExecutionConfig setAutoWatermarkInterval(Duration interval) {
        return setAutoWatermarkInterval(interval.toMillis());
    }

    public long getAutoWatermarkInterval() {
        return autoWatermarkIntervalMillis;
    }

    public ExecutionConfig enableObjectReuse() {
        objectReuse = true;
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        objectReuse = false;
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return objectReuse;
    }

    public int getParallelism() {
        return parallelism;
    }

    public ExecutionConfig setParallelism(int parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public ExecutionConfig setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
        return this;
    }

    /** Flink's serializer settings; Weir has none, so this is an empty, shared object. */
    public dev.weir.api.common.serialization.SerializerConfig getSerializerConfig() {
        return NO_SERIALIZER_SETTINGS;
    }

    private static final dev.weir.api.common.serialization.SerializerConfig NO_SERIALIZER_SETTINGS =
            new dev.weir.api.common.serialization.SerializerConfig() {
                private static final long serialVersionUID = 1L;
            };
}
