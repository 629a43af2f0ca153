package dev.weir.flink.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/**
 * The window function after a reduce in an evicting window: when the evictor removed every element, Flink's evicting
 * window operator still calls the function, with a reduce result of {@code null}; Weir emits nothing for such a
 * window, and so does this function. Otherwise it hands the result to the Weir window function, or passes it on.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class NonEmptyReduceResult extends ProcessWindowFunction<Object, Object, Object, Window> {
    private static final long serialVersionUID = 1L;
    /** The Weir window function after the reduce, or null when the reduce result is the window's output. */
    private final WeirWindowFunction windowFunction;

    public NonEmptyReduceResult(WeirWindowFunction windowFunction) {
        this.windowFunction = windowFunction;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        if (windowFunction != null) {
            windowFunction.setRuntimeContext(getRuntimeContext());
            windowFunction.open(openContext);
        }
    }

    @Override
    public void process(Object key, Context context, Iterable<Object> elements, Collector<Object> out) throws Exception {
        Object result = elements.iterator().next();
        if (result == null) {
            return;
        }
        if (windowFunction == null) {
            out.collect(result);
        } else {
            windowFunction.process(key, context, elements, out);
        }
    }

    @Override
    public void clear(Context context) throws Exception {
        if (windowFunction != null) {
            windowFunction.clear(context);
        }
    }

    @Override
    public void close() throws Exception {
        if (windowFunction != null) {
            windowFunction.close();
        }
    }
}
