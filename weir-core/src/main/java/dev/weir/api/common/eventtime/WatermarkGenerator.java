package dev.weir.api.common.eventtime;

/**
 * Produces watermarks from events ({@link #onEvent}) and periodically ({@link #onPeriodicEmit}, every
 * {@code ExecutionConfig#getAutoWatermarkInterval()} of processing time).
 */
public interface WatermarkGenerator<T> {
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
