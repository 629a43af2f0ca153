package dev.weir.api.functions.windowing;

import dev.weir.api.functions.AbstractRichFunction;
import dev.weir.api.functions.Collector;
import dev.weir.api.functions.OutputTag;
import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.windowing.windows.Window;

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
