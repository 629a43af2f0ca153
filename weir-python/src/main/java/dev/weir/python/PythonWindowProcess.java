package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
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
 * function reads through {@code global_state()} stays in Weir.
 */
final class PythonWindowProcess extends ProcessWindowFunction<Object, Object, Object, Window> {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;

    PythonWindowProcess(int driverPort, int operatorId) {
        link = new ConversationLink(driverPort, operatorId, true);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        link.open(getRuntimeContext());
    }

    @Override
    public void process(Object key, Context context, Iterable<Object> elements, Collector<Object> out) throws Exception {
        List<Object> values = new ArrayList<>();
        for (Object element : elements) {
            values.add(element instanceof Keyed keyed ? keyed.value() : element);
        }
        Window window = context.window();
        Object bounds = window instanceof TimeWindow time ? List.of(time.getStart(), time.getEnd()) : null;
        link.conversation().call(Arrays.asList("window", key, bounds, context.currentWatermark(),
                context.currentProcessingTime(), values), null, out, context::output);
    }

    @Override
    public void close() throws Exception {
        link.close();
    }
}
