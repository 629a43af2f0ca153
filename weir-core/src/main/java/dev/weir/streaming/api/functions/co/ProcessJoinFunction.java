package dev.weir.streaming.api.functions.co;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;

/** Receives each pair joined by an interval join, with both timestamps; results carry the larger one. */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** The pair's timestamps and side outputs. */
    public abstract class Context {
        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** {@code max(left, right)}: the timestamp of the results. */
        public abstract long getTimestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
