package dev.weir.engine.operators;

import dev.weir.api.common.eventtime.TimestampAssigner;
import dev.weir.api.common.eventtime.TimestampAssignerSupplier;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.engine.time.ProcessingTimeCallback;

/**
 * {@code assignTimestampsAndWatermarks}: gives each element its timestamp and runs the watermark generator.
 * Watermarks from upstream are dropped, except the final one of bounded input, as in Flink. In BATCH mode only the
 * timestamps are assigned.
 */
public final class TimestampsAndWatermarksOperator extends AbstractStreamOperator
        implements OneInputOperator, ProcessingTimeCallback {
    private final WatermarkStrategy<Object> strategy;
    private TimestampAssigner<Object> assigner;
    private WatermarkGenerator<Object> generator;
    private WatermarkEmitter emitter;
    private long interval;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<Object> strategy) {
        this.strategy = strategy;
    }

    @Override
    public void open() throws Exception {
        assigner = strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {
        });
        // In BATCH mode the generator is ignored, as in Flink: the final watermark at the end of input is the only one.
        WatermarkStrategy<Object> effective = context.batch() ? new TimestampsOnly<>(strategy) : strategy;
        generator = effective.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
        });
        emitter = new WatermarkEmitter(output);
        interval = context.batch() ? 0 : context.autoWatermarkIntervalMillis();
        if (interval > 0) {
            long now = context.processingTimeService().getCurrentProcessingTime();
            context.processingTimeService().registerTimer(now + interval, this);
        }
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        long ts = assigner.extractTimestamp(value, timestamp);
        emitter.markActive();
        output.collect(value, ts);
        generator.onEvent(value, ts, emitter);
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        generator.onPeriodicEmit(emitter);
        context.processingTimeService().registerTimer(time + interval, this);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark == Long.MAX_VALUE) {
            emitter.emitWatermark(Long.MAX_VALUE);
        }
    }

    @Override
    public void processIdleness(boolean idle) {
        // Idleness is decided by this operator's own generator (withIdleness), not by upstream.
    }

    @Override
    public void endInput() throws Exception {
        emitter.emitWatermark(Long.MAX_VALUE);
    }
}
