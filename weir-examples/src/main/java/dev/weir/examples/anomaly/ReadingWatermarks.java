package dev.weir.examples.anomaly;

import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, emitted from the readings themselves (each time the bound-adjusted maximum moved on by
 * {@code stepMillis}) rather than on a wall-clock period: which readings count as late then depends only on the
 * order the source produced them in, so a seed fixes it.
 */
final class ReadingWatermarks implements WatermarkGenerator<SensorEvent> {
    private final long maxDelayMillis;
    private final long stepMillis;
    private long maxTimestamp = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    ReadingWatermarks(long maxDelayMillis, long stepMillis) {
        this.maxDelayMillis = maxDelayMillis;
        this.stepMillis = stepMillis;
    }

    @Override
    public void onEvent(SensorEvent event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp <= maxTimestamp) {
            return;
        }
        maxTimestamp = eventTimestamp;
        long watermark = maxTimestamp - maxDelayMillis - 1;
        if (emitted == Long.MIN_VALUE || watermark - emitted >= stepMillis) {
            emitted = watermark;
            output.emitWatermark(new dev.weir.api.common.eventtime.Watermark(watermark));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // Deliberately nothing: see the class comment.
    }
}
