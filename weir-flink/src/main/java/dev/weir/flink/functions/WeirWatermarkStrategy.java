package dev.weir.flink.functions;

import dev.weir.api.common.eventtime.TimestampAssigner;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;

/**
 * A Weir {@link WatermarkStrategy} as Flink's: Flink calls the Weir timestamp assigner and watermark generator (so
 * idleness and custom generators behave as on Weir) and receives their watermarks through Flink's output.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirWatermarkStrategy implements org.apache.flink.api.common.eventtime.WatermarkStrategy<Object> {
    private static final long serialVersionUID = 1L;
    private static final dev.weir.api.common.eventtime.WatermarkGeneratorSupplier.Context GENERATOR_CONTEXT =
            new dev.weir.api.common.eventtime.WatermarkGeneratorSupplier.Context() {
            };
    private static final dev.weir.api.common.eventtime.TimestampAssignerSupplier.Context ASSIGNER_CONTEXT =
            new dev.weir.api.common.eventtime.TimestampAssignerSupplier.Context() {
            };
    private final WatermarkStrategy weir;

    public WeirWatermarkStrategy(WatermarkStrategy<?> weir) {
        this.weir = weir;
    }

    @Override
    public org.apache.flink.api.common.eventtime.WatermarkGenerator<Object> createWatermarkGenerator(
            WatermarkGeneratorSupplier.Context context) {
        return new GeneratorAdapter(weir.createWatermarkGenerator(GENERATOR_CONTEXT));
    }

    @Override
    public org.apache.flink.api.common.eventtime.TimestampAssigner<Object> createTimestampAssigner(
            TimestampAssignerSupplier.Context context) {
        TimestampAssigner assigner = weir.createTimestampAssigner(ASSIGNER_CONTEXT);
        return assigner::extractTimestamp;
    }

    /** Flink's watermark generator calls on a Weir generator; the output adapter is made once and re-aimed per call. */
    private static final class GeneratorAdapter implements org.apache.flink.api.common.eventtime.WatermarkGenerator<Object> {
        private final WatermarkGenerator weir;
        private final OutputAdapter output = new OutputAdapter();

        GeneratorAdapter(WatermarkGenerator weir) {
            this.weir = weir;
        }

        @Override
        public void onEvent(Object event, long eventTimestamp, org.apache.flink.api.common.eventtime.WatermarkOutput flink) {
            output.flink = flink;
            weir.onEvent(event, eventTimestamp, output);
        }

        @Override
        public void onPeriodicEmit(org.apache.flink.api.common.eventtime.WatermarkOutput flink) {
            output.flink = flink;
            weir.onPeriodicEmit(output);
        }
    }

    private static final class OutputAdapter implements WatermarkOutput {
        private org.apache.flink.api.common.eventtime.WatermarkOutput flink;

        @Override
        public void emitWatermark(dev.weir.api.common.eventtime.Watermark watermark) {
            flink.emitWatermark(new Watermark(watermark.getTimestamp()));
        }

        @Override
        public void markIdle() {
            flink.markIdle();
        }

        @Override
        public void markActive() {
            flink.markActive();
        }
    }
}
