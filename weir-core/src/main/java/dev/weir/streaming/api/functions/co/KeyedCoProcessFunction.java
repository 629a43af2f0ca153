package dev.weir.streaming.api.functions.co;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;

/** A process function over two connected keyed streams, with keyed state and timers for the current key. */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** What the process methods know about the current element. */
    public abstract class Context {
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract K getCurrentKey();
    }

    /** What {@link #onTimer} knows about the firing timer. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();

        @Override
        public abstract K getCurrentKey();
    }
}
