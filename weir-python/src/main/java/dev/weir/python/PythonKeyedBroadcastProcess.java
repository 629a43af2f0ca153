package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;
import java.util.List;

/**
 * A Python {@code KeyedBroadcastProcessFunction}: the keyed stream's records and the key's timers go to the worker
 * with keyed state, timers and the broadcast state read-only; the broadcast stream's records with the broadcast state
 * writable and no key, as in Flink.
 */
final class PythonKeyedBroadcastProcess extends KeyedBroadcastProcessFunction<Object, Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;
    private final List<String> descriptors;
    private transient BroadcastStateRequests broadcast;

    PythonKeyedBroadcastProcess(int driverPort, int operatorId, List<String> descriptors) {
        link = new ConversationLink(driverPort, operatorId, true);
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
        link.conversation().call(Arrays.asList("element", ((Keyed) value).value(), ctx.timestamp(), ctx.getCurrentKey(),
                ctx.currentWatermark()), ctx.timerService(), out, ctx::output);
    }

    @Override
    public void processBroadcastElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        broadcast.use(ctx::getBroadcastState, true);
        ProcessConversation conversation = link.conversation();
        conversation.useKeyedStateVisitor(ctx::applyToKeyedState);
        try {
            conversation.call(Arrays.asList("broadcast", Keyed.plain(value), ctx.timestamp(), null,
                    ctx.currentWatermark()), null, out, ctx::output);
        } finally {
            conversation.useKeyedStateVisitor(null);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        broadcast.use(ctx::getBroadcastState, false);
        link.conversation().timer(timestamp, ctx.getCurrentKey(), ctx.timeDomain(), ctx.timerService(), out, ctx::output);
    }

    @Override
    public void close() throws Exception {
        link.close();
    }
}
