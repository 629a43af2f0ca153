package dev.weir.flink.functions;

import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.flink.state.FlinkStateStore;
import dev.weir.runtime.state.KeyedStateFunction;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.util.OutputTag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs a Weir {@link dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction} as Flink's: broadcast state
 * on Flink's broadcast state, keyed state and timers on Flink's, {@code applyToKeyedState} on Flink's.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirKeyedBroadcastProcessFunction extends KeyedBroadcastProcessFunction<Object, Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction weir;
    private transient CollectorAdapter out;
    private transient SideOutputTags tags;
    private transient BroadcastStates states;
    private transient FlinkTimerService timers;
    private transient ElementContext elementContext;
    private transient TimerContext timerContext;
    private transient BroadcastContext broadcastContext;

    public WeirKeyedBroadcastProcessFunction(dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction<?, ?, ?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        out = new CollectorAdapter();
        tags = new SideOutputTags();
        states = new BroadcastStates();
        timers = new FlinkTimerService();
        elementContext = new ElementContext(weir);
        timerContext = new TimerContext(weir);
        broadcastContext = new BroadcastContext(weir);
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public void processElement(Object value, ReadOnlyContext ctx, Collector<Object> collector) throws Exception {
        elementContext.flink = ctx;
        weir.processElement(value, elementContext, out.aim(collector));
    }

    @Override
    public void processBroadcastElement(Object value, Context ctx, Collector<Object> collector) throws Exception {
        broadcastContext.flink = ctx;
        weir.processBroadcastElement(value, broadcastContext, out.aim(collector));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> collector) throws Exception {
        timerContext.flink = ctx;
        weir.onTimer(timestamp, timerContext, out.aim(collector));
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }

    private class ElementContext extends dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction.ReadOnlyContext {
        ReadOnlyContext flink;

        ElementContext(dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction outer) {
            outer.super();
        }

        @Override
        public ReadOnlyBroadcastState getBroadcastState(MapStateDescriptor descriptor) {
            return states.view(descriptor.getName(), flink.getBroadcastState(states.descriptor(descriptor)), false);
        }

        @Override
        public TimerService timerService() {
            return timers.aim(flink.timerService());
        }

        @Override
        public Object getCurrentKey() {
            return flink.getCurrentKey();
        }

        @Override
        public Long timestamp() {
            return Timestamps.toWeir(flink.timestamp());
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
        }

        @Override
        public long currentProcessingTime() {
            return flink.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return flink.currentWatermark();
        }
    }

    private final class TimerContext extends dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction.OnTimerContext {
        private OnTimerContext flink;

        TimerContext(dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction outer) {
            outer.super();
        }

        @Override
        public ReadOnlyBroadcastState getBroadcastState(MapStateDescriptor descriptor) {
            return states.view(descriptor.getName(), flink.getBroadcastState(states.descriptor(descriptor)), false);
        }

        @Override
        public TimerService timerService() {
            return timers.aim(flink.timerService());
        }

        @Override
        public Object getCurrentKey() {
            return flink.getCurrentKey();
        }

        @Override
        public Long timestamp() {
            return Timestamps.toWeir(flink.timestamp());
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
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
        public TimeDomain timeDomain() {
            return flink.timeDomain() == org.apache.flink.streaming.api.TimeDomain.EVENT_TIME
                    ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
        }
    }

    private final class BroadcastContext extends dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction.Context {
        private Context flink;

        BroadcastContext(dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction outer) {
            outer.super();
        }

        @Override
        public BroadcastState getBroadcastState(MapStateDescriptor descriptor) {
            return states.view(descriptor.getName(), flink.getBroadcastState(states.descriptor(descriptor)), true);
        }

        @Override
        public void applyToKeyedState(StateDescriptor descriptor, KeyedStateFunction function) throws Exception {
            flink.applyToKeyedState(FlinkStateStore.descriptor(descriptor),
                    (key, state) -> function.process(key, FlinkStateStore.wrap(descriptor, state)));
        }

        @Override
        public Long timestamp() {
            return Timestamps.toWeir(flink.timestamp());
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
        }

        @Override
        public long currentProcessingTime() {
            return flink.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return flink.currentWatermark();
        }
    }
}
