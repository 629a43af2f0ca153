package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.Triggerable;

/** {@code ConnectedStreams#process} with a {@link KeyedCoProcessFunction}: state and timers for the current key. */
public final class KeyedCoProcessOperator extends UdfOperator<KeyedCoProcessFunction<Object, Object, Object, Object>>
        implements TwoInputOperator, Triggerable<VoidNamespace> {
    private final String missingEventTimeSource;
    private TimestampedCollector collector;
    private KeyedCoProcessFunction<Object, Object, Object, Object>.Context ctx;
    private KeyedCoProcessFunction<Object, Object, Object, Object>.OnTimerContext timerCtx;
    private long elementTimestamp;
    private TimeDomain timeDomain;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<Object, Object, Object, Object> function, String missingEventTimeSource) {
        super(function);
        this.missingEventTimeSource = missingEventTimeSource;
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector(output, this);
        TimerService timerService = new KeyedTimerService(this, timers.getTimerService("user-timers", this), missingEventTimeSource);
        ctx = function.new Context() {
            @Override
            public Long timestamp() {
                return elementTimestamp == Output.NO_TIMESTAMP ? null : elementTimestamp;
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                SideOutputs.emit(output, outputTag, value, elementTimestamp, KeyedCoProcessOperator.this);
            }

            @Override
            public Object getCurrentKey() {
                return keyedState.getCurrentKey();
            }
        };
        timerCtx = function.new OnTimerContext() {
            @Override
            public Long timestamp() {
                return elementTimestamp == Output.NO_TIMESTAMP ? null : elementTimestamp;
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                SideOutputs.emit(output, outputTag, value, elementTimestamp, KeyedCoProcessOperator.this);
            }

            @Override
            public TimeDomain timeDomain() {
                return timeDomain;
            }

            @Override
            public Object getCurrentKey() {
                return keyedState.getCurrentKey();
            }
        };
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        elementTimestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement1(value, ctx, collector);
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        elementTimestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement2(value, ctx, collector);
    }

    @Override
    public void onEventTime(InternalTimer<VoidNamespace> timer) throws Exception {
        elementTimestamp = timer.getTimestamp();
        collector.setTimestamp(elementTimestamp);
        timeDomain = TimeDomain.EVENT_TIME;
        function.onTimer(elementTimestamp, timerCtx, collector);
    }

    @Override
    public void onProcessingTime(InternalTimer<VoidNamespace> timer) throws Exception {
        elementTimestamp = timer.getTimestamp();
        collector.eraseTimestamp();
        timeDomain = TimeDomain.PROCESSING_TIME;
        function.onTimer(elementTimestamp, timerCtx, collector);
    }
}
