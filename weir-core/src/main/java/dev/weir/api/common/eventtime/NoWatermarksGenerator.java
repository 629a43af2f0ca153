package dev.weir.api.common.eventtime;

/** Emits no watermarks; event time does not advance (except at the end of bounded input). */
public final class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
    }
}
