package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.builtin.BundledKeyedProcessFunction;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;

/**
 * A Python {@code KeyedProcessFunction}: elements go to the worker in bundles of many keys
 * ({@link BundledKeyedProcessFunction}), timers one at a time; state and timers stay in Weir.
 */
final class PythonKeyedProcess extends KeyedProcessFunction<Object, Object, Object> implements BundledKeyedProcessFunction {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;
    private final int bundleSize;
    private final long bundleTimeMillis;

    PythonKeyedProcess(int driverPort, int operatorId, int bundleSize, long bundleTimeMillis) {
        link = new ConversationLink(driverPort, operatorId, true);
        this.bundleSize = bundleSize;
        this.bundleTimeMillis = bundleTimeMillis;
    }

    @Override
    public int maxBundleSize() {
        return bundleSize;
    }

    @Override
    public long maxBundleTimeMillis() {
        return bundleTimeMillis;
    }

    @Override
    public void processBundle(KeyedBundle bundle) throws Exception {
        link.conversation().bundle(bundle);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        link.open(getRuntimeContext());
    }

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        link.conversation().call(Arrays.asList("element", ((Keyed) value).value(), ctx.timestamp(), ctx.getCurrentKey(),
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
