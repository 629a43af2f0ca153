package dev.weir.flink.functions;

import dev.weir.api.common.functions.Function;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.flink.state.FlinkStateAccess;
import dev.weir.flink.state.FlinkStateStore;
import dev.weir.streaming.api.functions.windowing.AllWindowFunction;
import dev.weir.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.OutputTag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/**
 * Runs any of Weir's four window functions ({@code ProcessWindowFunction}, {@code WindowFunction} and their
 * {@code *All*} forms, the latter on the constant key Weir gives {@code windowAll}) as a Flink
 * {@code ProcessWindowFunction}. Flink's windows are handed to the function as Weir's {@link TimeWindow} and
 * {@link GlobalWindow}; per-window and global state go to Flink's.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirWindowFunction
        extends org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction<Object, Object, Object, Window> {
    private static final long serialVersionUID = 1L;
    private final Function weir;
    private transient CollectorAdapter out;
    private transient SideOutputTags tags;
    private transient KeyedContext keyedContext;
    private transient AllContext allContext;

    public WeirWindowFunction(Function weir) {
        if (!(weir instanceof ProcessWindowFunction || weir instanceof WindowFunction || weir instanceof ProcessAllWindowFunction
                || weir instanceof AllWindowFunction)) {
            throw new IllegalArgumentException("Not a Weir window function: " + weir.getClass().getName());
        }
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        out = new CollectorAdapter();
        tags = new SideOutputTags();
        if (weir instanceof ProcessWindowFunction process) {
            keyedContext = new KeyedContext(process);
        } else if (weir instanceof ProcessAllWindowFunction processAll) {
            allContext = new AllContext(processAll);
        }
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public void process(Object key, Context context, Iterable<Object> elements, Collector<Object> collector) throws Exception {
        out.aim(collector);
        if (weir instanceof ProcessWindowFunction process) {
            keyedContext.flink = context;
            process.process(key, keyedContext, elements, out);
        } else if (weir instanceof ProcessAllWindowFunction processAll) {
            allContext.flink = context;
            processAll.process(allContext, elements, out);
        } else if (weir instanceof WindowFunction windowFunction) {
            windowFunction.apply(key, toWeir(context.window()), elements, out);
        } else {
            ((AllWindowFunction) weir).apply(toWeir(context.window()), elements, out);
        }
    }

    @Override
    public void clear(Context context) throws Exception {
        if (weir instanceof ProcessWindowFunction process) {
            keyedContext.flink = context;
            process.clear(keyedContext);
        } else if (weir instanceof ProcessAllWindowFunction processAll) {
            allContext.flink = context;
            processAll.clear(allContext);
        }
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }

    /** Flink's window as Weir's: the same start and end, or the global window. */
    static dev.weir.streaming.api.windowing.windows.Window toWeir(Window flink) {
        if (flink instanceof org.apache.flink.streaming.api.windowing.windows.TimeWindow time) {
            return new TimeWindow(time.getStart(), time.getEnd());
        }
        if (flink instanceof org.apache.flink.streaming.api.windowing.windows.GlobalWindow) {
            return GlobalWindow.get();
        }
        throw new IllegalStateException("A Flink window Weir has no counterpart for: " + flink.getClass().getName());
    }

    private final class KeyedContext extends ProcessWindowFunction.Context {
        private Context flink;

        KeyedContext(ProcessWindowFunction outer) {
            outer.super();
        }

        @Override
        public dev.weir.streaming.api.windowing.windows.Window window() {
            return toWeir(flink.window());
        }

        @Override
        public long currentProcessingTime() {
            return flink.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return flink.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            return new FlinkStateStore(FlinkStateAccess.of(flink.windowState()));
        }

        @Override
        public KeyedStateStore globalState() {
            return new FlinkStateStore(FlinkStateAccess.of(flink.globalState()));
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
        }
    }

    private final class AllContext extends ProcessAllWindowFunction.Context {
        private Context flink;

        AllContext(ProcessAllWindowFunction outer) {
            outer.super();
        }

        @Override
        public dev.weir.streaming.api.windowing.windows.Window window() {
            return toWeir(flink.window());
        }

        @Override
        public KeyedStateStore windowState() {
            return new FlinkStateStore(FlinkStateAccess.of(flink.windowState()));
        }

        @Override
        public KeyedStateStore globalState() {
            return new FlinkStateStore(FlinkStateAccess.of(flink.globalState()));
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
        }
    }
}
