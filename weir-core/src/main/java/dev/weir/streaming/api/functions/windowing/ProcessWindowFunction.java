package dev.weir.streaming.api.functions.windowing;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.streaming.api.windowing.windows.Window;

/** Evaluates a fired window of a keyed stream with its elements (or its pre-aggregated result) and a context. */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is dropped: release per-window state kept in {@link Context#windowState()}. */
    public void clear(Context context) throws Exception {
    }

    /** What the function knows about the window being evaluated. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State scoped to the key and this window. */
        public abstract KeyedStateStore windowState();

        /** State scoped to the key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
