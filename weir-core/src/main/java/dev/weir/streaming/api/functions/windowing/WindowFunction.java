package dev.weir.streaming.api.functions.windowing;

import dev.weir.util.Collector;
import dev.weir.api.common.functions.Function;
import dev.weir.streaming.api.windowing.windows.Window;

/** The older, context-free form of {@link ProcessWindowFunction}. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
