package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;
import java.util.List;

/**
 * A Python {@code BroadcastProcessFunction}: each record of the non-broadcast stream ({@code element}) and of the
 * broadcast stream ({@code broadcast}) goes to the worker, whose {@code get_broadcast_state} reaches the call's
 * broadcast state (read-only for an element, as in Flink).
 */
final class PythonBroadcastProcess extends BroadcastProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;
    private final List<String> descriptors;
    private transient BroadcastStateRequests broadcast;

    PythonBroadcastProcess(int driverPort, int operatorId, List<String> descriptors) {
        link = new ConversationLink(driverPort, operatorId, false);
        this.descriptors = descriptors;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        link.open(getRuntimeContext());
        broadcast = new BroadcastStateRequests(descriptors);
        link.conversation().useBroadcastState(broadcast);
    }

    @Override
    public void processElement(Object value, ReadOnlyContext ctx, Collector<Object> out) throws Exception {
        broadcast.use(ctx::getBroadcastState, false);
        link.conversation().call(Arrays.asList("element", Keyed.plain(value), ctx.timestamp(), null,
                ctx.currentWatermark()), null, out, ctx::output);
    }

    @Override
    public void processBroadcastElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        broadcast.use(ctx::getBroadcastState, true);
        link.conversation().call(Arrays.asList("broadcast", Keyed.plain(value), ctx.timestamp(), null,
                ctx.currentWatermark()), null, out, ctx::output);
    }

    @Override
    public void close() throws Exception {
        link.close();
    }
}
