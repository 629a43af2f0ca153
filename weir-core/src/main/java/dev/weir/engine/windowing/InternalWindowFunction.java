package dev.weir.engine.windowing;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.util.Collector;
import dev.weir.api.common.functions.Function;
import dev.weir.util.OutputTag;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.streaming.api.functions.windowing.AllWindowFunction;
import dev.weir.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.streaming.api.windowing.windows.Window;

/**
 * One shape for every kind of window function the API accepts: the operator calls {@link #process} with the key,
 * the window, a context and the window's input, and {@link #clear} when the window is dropped.
 */
abstract class InternalWindowFunction {
    abstract void process(Object key, Window window, WindowFunctionContext ctx, Iterable<Object> input, Collector<Object> out) throws Exception;

    void clear(Window window, WindowFunctionContext ctx) throws Exception {
    }

    /** The user function to open and close, or null. */
    abstract Function userFunction();

    /** Whether {@link #process} only emits its input (no window function): the operator may then emit directly. */
    boolean emitsInputAsIs() {
        return false;
    }

    /** Wraps {@code windowFunction} (any of the four kinds, or null for emitting the input as is). */
    @SuppressWarnings("unchecked")
    static InternalWindowFunction of(Function windowFunction) {
        if (windowFunction == null) {
            return new PassThrough();
        }
        if (windowFunction instanceof ProcessWindowFunction<?, ?, ?, ?> f) {
            return new Process((ProcessWindowFunction<Object, Object, Object, Window>) f);
        }
        if (windowFunction instanceof ProcessAllWindowFunction<?, ?, ?> f) {
            return new ProcessAll((ProcessAllWindowFunction<Object, Object, Window>) f);
        }
        if (windowFunction instanceof WindowFunction<?, ?, ?, ?> f) {
            WindowFunction<Object, Object, Object, Window> wf = (WindowFunction<Object, Object, Object, Window>) f;
            return new Simple(wf, (key, window, input, out) -> wf.apply(key, window, input, out));
        }
        if (windowFunction instanceof AllWindowFunction<?, ?, ?> f) {
            AllWindowFunction<Object, Object, Window> af = (AllWindowFunction<Object, Object, Window>) f;
            return new Simple(af, (key, window, input, out) -> af.apply(window, input, out));
        }
        throw new IllegalArgumentException("not a window function: " + windowFunction.getClass().getName());
    }

    /** With an evictor the window keeps its elements; the pre-aggregation then runs over them at fire time. */
    @SuppressWarnings("unchecked")
    static InternalWindowFunction applyingPreAggregation(Function preAggregation, InternalWindowFunction inner) {
        if (preAggregation instanceof ReduceFunction<?> r) {
            return new ReduceApply((ReduceFunction<Object>) r, inner);
        }
        if (preAggregation instanceof AggregateFunction<?, ?, ?> a) {
            return new AggregateApply((AggregateFunction<Object, Object, Object>) a, inner);
        }
        return inner;
    }

    private static final class PassThrough extends InternalWindowFunction {
        @Override
        void process(Object key, Window window, WindowFunctionContext ctx, Iterable<Object> input, Collector<Object> out) {
            for (Object value : input) {
                out.collect(value);
            }
        }

        @Override
        Function userFunction() {
            return null;
        }

        @Override
        boolean emitsInputAsIs() {
            return true;
        }
    }

    /** The body of a context-free window function. */
    private interface Body {
        void apply(Object key, Window window, Iterable<Object> input, Collector<Object> out) throws Exception;
    }

    private static final class Simple extends InternalWindowFunction {
        private final Function function;
        private final Body body;

        Simple(Function function, Body body) {
            this.function = function;
            this.body = body;
        }

        @Override
        void process(Object key, Window window, WindowFunctionContext ctx, Iterable<Object> input, Collector<Object> out) throws Exception {
            body.apply(key, window, input, out);
        }

        @Override
        Function userFunction() {
            return function;
        }
    }

    private static final class Process extends InternalWindowFunction {
        private final ProcessWindowFunction<Object, Object, Object, Window> function;
        private final ProcessWindowFunction<Object, Object, Object, Window>.Context context;
        private WindowFunctionContext current;

        Process(ProcessWindowFunction<Object, Object, Object, Window> function) {
            this.function = function;
            this.context = function.new Context() {
                @Override
                public Window window() {
                    return current.window();
                }

                @Override
                public long currentProcessingTime() {
                    return current.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return current.currentWatermark();
                }

                @Override
                public KeyedStateStore windowState() {
                    return current.windowState();
                }

                @Override
                public KeyedStateStore globalState() {
                    return current.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    current.output(outputTag, value);
                }
            };
        }

        @Override
        void process(Object key, Window window, WindowFunctionContext ctx, Iterable<Object> input, Collector<Object> out) throws Exception {
            current = ctx;
            function.process(key, context, input, out);
        }

        @Override
        void clear(Window window, WindowFunctionContext ctx) throws Exception {
            current = ctx;
            function.clear(context);
        }

        @Override
        Function userFunction() {
            return function;
        }
    }

    private static final class ProcessAll extends InternalWindowFunction {
        private final ProcessAllWindowFunction<Object, Object, Window> function;
        private final ProcessAllWindowFunction<Object, Object, Window>.Context context;
        private WindowFunctionContext current;

        ProcessAll(ProcessAllWindowFunction<Object, Object, Window> function) {
            this.function = function;
            this.context = function.new Context() {
                @Override
                public Window window() {
                    return current.window();
                }

                @Override
                public KeyedStateStore windowState() {
                    return current.windowState();
                }

                @Override
                public KeyedStateStore globalState() {
                    return current.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    current.output(outputTag, value);
                }
            };
        }

        @Override
        void process(Object key, Window window, WindowFunctionContext ctx, Iterable<Object> input, Collector<Object> out) throws Exception {
            current = ctx;
            function.process(context, input, out);
        }

        @Override
        void clear(Window window, WindowFunctionContext ctx) throws Exception {
            current = ctx;
            function.clear(context);
        }

        @Override
        Function userFunction() {
            return function;
        }
    }

    private static final class ReduceApply extends InternalWindowFunction {
        private final ReduceFunction<Object> reduce;
        private final InternalWindowFunction inner;
        private final OneElement result = new OneElement();

        ReduceApply(ReduceFunction<Object> reduce, InternalWindowFunction inner) {
            this.reduce = reduce;
            this.inner = inner;
        }

        @Override
        void process(Object key, Window window, WindowFunctionContext ctx, Iterable<Object> input, Collector<Object> out) throws Exception {
            Object current = null;
            for (Object value : input) {
                current = current == null ? value : reduce.reduce(current, value);
            }
            if (current != null) {
                inner.process(key, window, ctx, result.of(current), out);
            }
        }

        @Override
        void clear(Window window, WindowFunctionContext ctx) throws Exception {
            inner.clear(window, ctx);
        }

        @Override
        Function userFunction() {
            return inner.userFunction();
        }
    }

    private static final class AggregateApply extends InternalWindowFunction {
        private final AggregateFunction<Object, Object, Object> aggregate;
        private final InternalWindowFunction inner;
        private final OneElement result = new OneElement();

        AggregateApply(AggregateFunction<Object, Object, Object> aggregate, InternalWindowFunction inner) {
            this.aggregate = aggregate;
            this.inner = inner;
        }

        @Override
        void process(Object key, Window window, WindowFunctionContext ctx, Iterable<Object> input, Collector<Object> out) throws Exception {
            Object accumulator = aggregate.createAccumulator();
            for (Object value : input) {
                accumulator = aggregate.add(value, accumulator);
            }
            inner.process(key, window, ctx, result.of(aggregate.getResult(accumulator)), out);
        }

        @Override
        void clear(Window window, WindowFunctionContext ctx) throws Exception {
            inner.clear(window, ctx);
        }

        @Override
        Function userFunction() {
            return inner.userFunction();
        }
    }
}
