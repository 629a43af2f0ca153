package dev.weir.streaming.api.functions.sink;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.functions.Function;
import dev.weir.api.connector.sink2.Sink;

/**
 * The classic per-element sink of {@code DataStream#addSink} (Flink 1.x); for new code prefer {@link Sink}. A sink
 * function that implements {@code CheckpointedFunction} has its operator state snapshotted and restored, and one
 * that implements {@code CheckpointListener} hears of every completed checkpoint, as in Flink.
 */
public interface SinkFunction<IN> extends Function {
    /** Called for every element with what the sink knows about it; the default calls {@link #invoke(Object)}. */
    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    /** Called for every element by the default {@link #invoke(Object, Context)}. */
    default void invoke(IN value) throws Exception {
    }

    /** Called for every watermark that reaches the sink, the final {@code Long.MAX_VALUE} of bounded input included. */
    default void writeWatermark(Watermark watermark) throws Exception {
    }

    /** Called once at the end of bounded input. */
    default void finish() throws Exception {
    }

    /** What the sink knows about the current element. */
    interface Context {
        long currentProcessingTime();

        /** The sink's current watermark, {@code Long.MIN_VALUE} before the first. */
        long currentWatermark();

        /** The element's timestamp, or null when it has none. */
        Long timestamp();
    }
}
