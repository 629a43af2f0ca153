package dev.weir.engine.exec;

import dev.weir.util.OutputTag;
import dev.weir.engine.operators.Output;

/**
 * An operator's output when it has several consumers or side outputs: elements go to every main consumer, side
 * elements to the consumers of their tag (none: dropped, as in Flink), watermarks and idleness to everyone.
 */
final class RoutingOutput implements Output {
    private final Output[] main;
    private final OutputTag<?>[] tags;
    private final Output[][] sideByTag;
    private final Output[] everyone;

    RoutingOutput(Output[] main, OutputTag<?>[] tags, Output[][] sideByTag, Output[] everyone) {
        this.main = main;
        this.tags = tags;
        this.sideByTag = sideByTag;
        this.everyone = everyone;
    }

    @Override
    public void collect(Object value, long timestamp) {
        for (Output o : main) {
            o.collect(value, timestamp);
        }
    }

    @Override
    public void collect(OutputTag<?> tag, Object value, long timestamp) {
        for (int i = 0; i < tags.length; i++) {
            if (tags[i].equals(tag)) {
                for (Output o : sideByTag[i]) {
                    o.collect(value, timestamp);
                }
                return;
            }
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (Output o : everyone) {
            o.emitWatermark(watermark);
        }
    }

    @Override
    public void emitIdleness(boolean idle) {
        for (Output o : everyone) {
            o.emitIdleness(idle);
        }
    }
}
