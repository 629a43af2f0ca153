package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Python {@code ProcessWindowFunction} or {@code WindowFunction}: when a window fires, its key, the window, the
 * time and all its records (or the one pre-aggregated result) go to the worker in one call; the key's state the
 * function reads through {@code global_state()} and the window's through {@code window_state()} stay in Weir. When
 * the window goes, the function's {@code clear(context)} runs.
 */
final class PythonWindowProcess extends ProcessWindowFunction<Object, Object, Object, Window> {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;
    /** Whether the Python function defines {@code clear(context)}; without it a window's end costs no call. */
    private final boolean clears;
    /**
     * Whether the windows are tumbling count windows, which PyFlink numbers ({@code CountWindow(id)}: the key's n-th
     * window has id n - 1); the key's next id is kept in its global state, so checkpoints hold it.
     */
    private final boolean countWindows;
    private transient ValueStateDescriptor<Long> nextCountWindow;
    private transient WindowStateRequests windowState;

    PythonWindowProcess(int driverPort, int operatorId, boolean clears, boolean countWindows) {
        link = new ConversationLink(driverPort, operatorId, true);
        this.clears = clears;
        this.countWindows = countWindows;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        link.open(getRuntimeContext());
        windowState = new WindowStateRequests();
        nextCountWindow = new ValueStateDescriptor<>("weir.python.next-count-window", Long.class);
        link.conversation().useWindowState(windowState);
    }

    @Override
    public void process(Object key, Context context, Iterable<Object> elements, Collector<Object> out) throws Exception {
        List<Object> values = new ArrayList<>();
        for (Object element : elements) {
            values.add(element instanceof Keyed keyed ? keyed.value() : element);
        }
        windowState.use(context.windowState(), context.globalState());
        try {
            Object window = countWindows ? List.of(countWindowId(context)) : bounds(context.window());
            link.conversation().call(Arrays.asList("window", key, window, context.currentWatermark(),
                    context.currentProcessingTime(), values), null, out, context::output);
        } finally {
            windowState.use(null, null);
        }
    }

    /** Flink calls this when the window goes (its end plus the allowed lateness): the function's {@code clear(context)}. */
    @Override
    public void clear(Context context) throws Exception {
        if (!clears) {
            return;
        }
        windowState.use(context.windowState(), context.globalState());
        try {
            link.conversation().call(Arrays.asList("clear", null, bounds(context.window()), context.currentWatermark(),
                    context.currentProcessingTime(), List.of()), null, null, null);
        } finally {
            windowState.use(null, null);
        }
    }

    private long countWindowId(Context context) throws Exception {
        ValueState<Long> next = context.globalState().getState(nextCountWindow);
        long id = next.value() == null ? 0 : next.value();
        next.update(id + 1);
        return id;
    }

    private static Object bounds(Window window) {
        return window instanceof TimeWindow time ? List.of(time.getStart(), time.getEnd()) : null;
    }

    @Override
    public void close() throws Exception {
        link.close();
    }
}
