package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;

/**
 * A Python {@code KeyedCoProcessFunction}: the records of both keyed inputs and the key's timers go to the worker;
 * the keyed state both inputs share and the timers stay in Weir.
 */
final class PythonKeyedCoProcess extends KeyedCoProcessFunction<Object, Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;

    PythonKeyedCoProcess(int driverPort, int operatorId) {
        link = new ConversationLink(driverPort, operatorId, true);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        link.open(getRuntimeContext());
    }

    @Override
    public void processElement1(Object value, Context ctx, Collector<Object> out) throws Exception {
        link.conversation().call(Arrays.asList("element1", ((Keyed) value).value(), ctx.timestamp(), ctx.getCurrentKey(),
                ctx.timerService().currentWatermark()), ctx.timerService(), out, ctx::output);
    }

    @Override
    public void processElement2(Object value, Context ctx, Collector<Object> out) throws Exception {
        link.conversation().call(Arrays.asList("element2", ((Keyed) value).value(), ctx.timestamp(), ctx.getCurrentKey(),
                ctx.timerService().currentWatermark()), ctx.timerService(), out, ctx::output);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        link.conversation().timer(timestamp, ctx.getCurrentKey(), ctx.timeDomain(), ctx.timerService(), out, ctx::output);
    }

    @Override
    public void close() throws Exception {
        link.close();
    }
}
