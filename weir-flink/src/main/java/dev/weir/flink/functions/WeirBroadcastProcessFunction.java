package dev.weir.flink.functions;

import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import dev.weir.util.OutputTag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/** Runs a Weir {@link dev.weir.streaming.api.functions.co.BroadcastProcessFunction} as Flink's, on Flink's broadcast state. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirBroadcastProcessFunction extends BroadcastProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final dev.weir.streaming.api.functions.co.BroadcastProcessFunction weir;
    private transient CollectorAdapter out;
    private transient SideOutputTags tags;
    private transient BroadcastStates states;
    private transient ElementContext elementContext;
    private transient BroadcastContext broadcastContext;

    public WeirBroadcastProcessFunction(dev.weir.streaming.api.functions.co.BroadcastProcessFunction<?, ?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        out = new CollectorAdapter();
        tags = new SideOutputTags();
        states = new BroadcastStates();
        elementContext = new ElementContext(weir);
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
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }

    private final class ElementContext extends dev.weir.streaming.api.functions.co.BroadcastProcessFunction.ReadOnlyContext {
        private ReadOnlyContext flink;

        ElementContext(dev.weir.streaming.api.functions.co.BroadcastProcessFunction outer) {
            outer.super();
        }

        @Override
        public ReadOnlyBroadcastState getBroadcastState(MapStateDescriptor descriptor) {
            return states.view(descriptor.getName(), flink.getBroadcastState(states.descriptor(descriptor)), false);
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

    private final class BroadcastContext extends dev.weir.streaming.api.functions.co.BroadcastProcessFunction.Context {
        private Context flink;

        BroadcastContext(dev.weir.streaming.api.functions.co.BroadcastProcessFunction outer) {
            outer.super();
        }

        @Override
        public BroadcastState getBroadcastState(MapStateDescriptor descriptor) {
            return states.view(descriptor.getName(), flink.getBroadcastState(states.descriptor(descriptor)), true);
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
