package dev.weir.streaming.api.functions.sink;

import dev.weir.api.connector.sink2.Sink;

import dev.weir.api.common.functions.Function;

/** The classic per-element sink of {@code DataStream#addSink}; for new code prefer {@link Sink}. */
public interface SinkFunction<IN> extends Function {
    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    default void invoke(IN value) throws Exception {
    }

    /** Called once at the end of bounded input. */
    default void finish() throws Exception {
    }

    /** What the sink knows about the current element. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's timestamp, or null when it has none. */
        Long timestamp();
    }
}
