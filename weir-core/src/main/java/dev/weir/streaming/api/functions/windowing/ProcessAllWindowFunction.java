package dev.weir.streaming.api.functions.windowing;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.streaming.api.windowing.windows.Window;

/** Evaluates a fired window of a non-keyed stream ({@code windowAll}) with its elements and a context. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is dropped. */
    public void clear(Context context) throws Exception {
    }

    /** What the function knows about the window being evaluated. */
    public abstract class Context {
        public abstract W window();

        public abstract KeyedStateStore windowState();

        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
