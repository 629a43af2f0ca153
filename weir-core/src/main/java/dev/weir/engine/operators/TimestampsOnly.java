package dev.weir.engine.operators;

import dev.weir.api.common.eventtime.TimestampAssigner;
import dev.weir.api.common.eventtime.TimestampAssignerSupplier;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;

/**
 * A watermark strategy's timestamp assigner without its watermarks, for BATCH mode: as in Flink, the input is known
 * in advance, so the only watermark is the final {@code Long.MAX_VALUE} one at the end of input, and user watermark
 * generators are ignored.
 */
public final class TimestampsOnly<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> strategy;

    public TimestampsOnly(WatermarkStrategy<T> strategy) {
        this.strategy = strategy;
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return strategy.createTimestampAssigner(context);
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        };
    }

    @Override
    public boolean producesWatermarks() {
        return strategy.producesWatermarks();
    }
}
