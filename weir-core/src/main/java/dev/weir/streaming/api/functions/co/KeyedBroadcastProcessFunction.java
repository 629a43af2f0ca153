package dev.weir.streaming.api.functions.co;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;

import dev.weir.api.common.state.BroadcastState;
import dev.weir.runtime.state.KeyedStateFunction;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;

/**
 * Processes a keyed stream connected to a broadcast stream. Elements of the keyed input see keyed state and timers
 * of their key and the broadcast state read-only; broadcast elements reach every parallel instance, may change the
 * broadcast state and may visit the keyed state of all keys with {@link Context#applyToKeyedState} (as in Flink).
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Called for each element of the keyed input, with its key current. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** Called for each element of the broadcast input, in every parallel instance; no key is current. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer registered through {@link ReadOnlyContext#timerService()} fires, with its key current. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** What every callback knows: the element's timestamp, time, and side outputs. */
    public abstract class BaseContext {
        public abstract Long timestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The context of {@link #processBroadcastElement}: writable broadcast state and every key's keyed state. */
    public abstract class Context extends BaseContext {
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);

        /** Calls {@code function} with each key of this instance that has a value in the state {@code stateDescriptor}. */
        public abstract <VS, S extends State> void applyToKeyedState(StateDescriptor<VS> stateDescriptor,
                                                                     KeyedStateFunction<KS, S> function) throws Exception;
    }

    /** The context of {@link #processElement}: read-only broadcast state, the current key and its timers. */
    public abstract class ReadOnlyContext extends BaseContext {
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);

        public abstract TimerService timerService();

        public abstract KS getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();
    }
}
