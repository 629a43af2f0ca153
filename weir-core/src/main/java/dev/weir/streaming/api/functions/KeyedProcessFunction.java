package dev.weir.streaming.api.functions;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;

/**
 * A process function on a keyed stream: keyed state and timers are scoped to the key of the current element
 * (or of the firing timer).
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What {@link #processElement} knows about the current element. */
    public abstract class Context {
        /** The element's timestamp, or null when it has none. */
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
