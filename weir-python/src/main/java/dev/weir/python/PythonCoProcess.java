package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;

/** A Python {@code CoProcessFunction} on connected streams that are not keyed: each record goes to the worker tagged with its input. */
final class PythonCoProcess extends CoProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;

    PythonCoProcess(int driverPort, int operatorId) {
        link = new ConversationLink(driverPort, operatorId, false);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        link.open(getRuntimeContext());
    }

    @Override
    public void processElement1(Object value, Context ctx, Collector<Object> out) throws Exception {
        link.conversation().call(Arrays.asList("element1", Keyed.plain(value), ctx.timestamp(), null,
                ctx.timerService().currentWatermark()), null, out, ctx::output);
    }

    @Override
    public void processElement2(Object value, Context ctx, Collector<Object> out) throws Exception {
        link.conversation().call(Arrays.asList("element2", Keyed.plain(value), ctx.timestamp(), null,
                ctx.timerService().currentWatermark()), null, out, ctx::output);
    }

    @Override
    public void close() throws Exception {
        link.close();
    }
}
