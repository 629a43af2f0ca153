package dev.weir.engine.exec;

import dev.weir.api.connector.source.SourceOutput;
import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.engine.operators.WatermarkEmitter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-split watermarks of one source subtask: each split output runs its own generator from the source's strategy,
 * and the subtask's watermark is the minimum over the split outputs that are not idle; when all are idle, the subtask
 * is idle. A split that has emitted no watermark yet holds the subtask's watermark back.
 */
final class SplitWatermarks {
    /** Sends one split's element downstream and shows it to that split's generator. */
    interface ElementSink {
        void emit(Object record, long timestamp, WatermarkGenerator<Object> generator, WatermarkOutput watermarks);
    }

    private final WatermarkStrategy<Object> strategy;
    private final WatermarkEmitter emitter;
    private final ElementSink sink;
    private final Map<String, Split> byId = new HashMap<>();
    private final List<Split> splits = new ArrayList<>();

    SplitWatermarks(WatermarkStrategy<Object> strategy, WatermarkEmitter emitter, ElementSink sink) {
        this.strategy = strategy;
        this.emitter = emitter;
        this.sink = sink;
    }

    /** Whether the reader uses split outputs, so the subtask's watermark comes from here. */
    boolean active() {
        return !splits.isEmpty();
    }

    SourceOutput<Object> create(String splitId) {
        Split split = byId.get(splitId);
        if (split == null) {
            split = new Split(strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
            }));
            byId.put(splitId, split);
            splits.add(split);
            combine();
        }
        return split;
    }

    void release(String splitId) {
        Split split = byId.remove(splitId);
        if (split != null) {
            splits.remove(split);
            combine();
        }
    }

    /** Runs every split generator's periodic emission (the auto-watermark interval). */
    void onPeriodicEmit() {
        for (int i = 0; i < splits.size(); i++) {
            Split split = splits.get(i);
            split.generator.onPeriodicEmit(split);
        }
    }

    private void combine() {
        if (splits.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        boolean allIdle = true;
        for (int i = 0; i < splits.size(); i++) {
            Split split = splits.get(i);
            if (!split.idle) {
                allIdle = false;
                min = Math.min(min, split.watermark);
            }
        }
        if (allIdle) {
            emitter.markIdle();
            return;
        }
        emitter.markActive();
        if (min != Long.MIN_VALUE) {
            emitter.emitWatermark(min);
        }
    }

    /** One split's output and the watermark its generator reached. */
    private final class Split implements SourceOutput<Object>, WatermarkOutput {
        final WatermarkGenerator<Object> generator;
        long watermark = Long.MIN_VALUE;
        boolean idle;

        Split(WatermarkGenerator<Object> generator) {
            this.generator = generator;
        }

        @Override
        public void collect(Object record) {
            collect(record, dev.weir.engine.operators.Output.NO_TIMESTAMP);
        }

        @Override
        public void collect(Object record, long timestamp) {
            if (idle) {
                idle = false;
                combine();
            }
            sink.emit(record, timestamp, generator, this);
        }

        @Override
        public void emitWatermark(Watermark mark) {
            long ts = mark.getTimestamp();
            if (ts > watermark || idle) {
                watermark = Math.max(watermark, ts);
                idle = false;
                combine();
            }
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                combine();
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                combine();
            }
        }
    }
}
