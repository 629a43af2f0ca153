package dev.weir.flink.functions;

import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.util.OutputTag;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs a Weir {@link dev.weir.streaming.api.functions.KeyedProcessFunction} as Flink's: keyed state goes to Flink's
 * keyed state, timers to Flink's timer service, side outputs to Flink's side outputs with the same tag ids. The
 * contexts are made once per task and pointed at Flink's context of each call.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirKeyedProcessFunction extends KeyedProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final dev.weir.streaming.api.functions.KeyedProcessFunction weir;
    private transient CollectorAdapter out;
    private transient FlinkTimerService timers;
    private transient SideOutputTags tags;
    private transient ElementContext elementContext;
    private transient TimerContext timerContext;

    public WeirKeyedProcessFunction(dev.weir.streaming.api.functions.KeyedProcessFunction<?, ?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        out = new CollectorAdapter();
        timers = new FlinkTimerService();
        tags = new SideOutputTags();
        elementContext = new ElementContext(weir);
        timerContext = new TimerContext(weir);
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> collector) throws Exception {
        elementContext.flink = ctx;
        weir.processElement(value, elementContext, out.aim(collector));
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

    private final class ElementContext extends dev.weir.streaming.api.functions.KeyedProcessFunction.Context {
        private Context flink;

        ElementContext(dev.weir.streaming.api.functions.KeyedProcessFunction outer) {
            outer.super();
        }

        @Override
        public Long timestamp() {
            return Timestamps.toWeir(flink.timestamp());
        }

        @Override
        public TimerService timerService() {
            return timers.aim(flink.timerService());
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
        }

        @Override
        public Object getCurrentKey() {
            return flink.getCurrentKey();
        }
    }

    private final class TimerContext extends dev.weir.streaming.api.functions.KeyedProcessFunction.OnTimerContext {
        private OnTimerContext flink;

        TimerContext(dev.weir.streaming.api.functions.KeyedProcessFunction outer) {
            outer.super();
        }

        @Override
        public Long timestamp() {
            return Timestamps.toWeir(flink.timestamp());
        }

        @Override
        public TimerService timerService() {
            return timers.aim(flink.timerService());
        }

        @Override
        public void output(OutputTag outputTag, Object value) {
            flink.output(tags.get(outputTag), value);
        }

        @Override
        public Object getCurrentKey() {
            return flink.getCurrentKey();
        }

        @Override
        public TimeDomain timeDomain() {
            return flink.timeDomain() == org.apache.flink.streaming.api.TimeDomain.EVENT_TIME
                    ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
        }
    }
}
