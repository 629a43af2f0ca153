package dev.weir.engine.operators;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkOutput;

/**
 * The {@link WatermarkOutput} a watermark generator writes to: passes on only watermarks that advance, and turns
 * idleness on and off, emitting each change once.
 */
public final class WatermarkEmitter implements WatermarkOutput {
    private final Output output;
    private long current = Long.MIN_VALUE;
    private boolean idle;

    public WatermarkEmitter(Output output) {
        this.output = output;
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        emitWatermark(watermark.getTimestamp());
    }

    /** Emits without allocating a {@link Watermark}. */
    public void emitWatermark(long watermark) {
        if (watermark > current) {
            current = watermark;
            markActive();
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            output.emitIdleness(true);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitIdleness(false);
        }
    }

    public long currentWatermark() {
        return current;
    }
}
