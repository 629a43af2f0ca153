package dev.weir.streaming.api.functions.windowing;

import dev.weir.util.Collector;
import dev.weir.api.common.functions.Function;
import dev.weir.streaming.api.windowing.windows.Window;

/** The context-free window function of a non-keyed stream ({@code windowAll}). */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
