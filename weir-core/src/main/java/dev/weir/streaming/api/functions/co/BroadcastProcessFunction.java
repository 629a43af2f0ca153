package dev.weir.streaming.api.functions.co;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;

import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;

/**
 * Processes a non-keyed stream connected to a broadcast stream: every parallel instance sees every broadcast element
 * and keeps the same broadcast state, which only {@link #processBroadcastElement} may change (as in Flink). The order
 * in which elements of the two inputs arrive is not defined.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Called for each element of the non-broadcast input; sees the broadcast state read-only. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** Called for each element of the broadcast input, in every parallel instance; may change the broadcast state. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** What both process methods know: the element's timestamp, time, and side outputs. */
    public abstract class BaseContext {
        public abstract Long timestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The context of {@link #processBroadcastElement}: the broadcast state is writable. */
    public abstract class Context extends BaseContext {
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The context of {@link #processElement}: the broadcast state is read-only. */
    public abstract class ReadOnlyContext extends BaseContext {
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}
