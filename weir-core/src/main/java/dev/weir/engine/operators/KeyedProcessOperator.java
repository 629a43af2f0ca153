package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.Triggerable;

/** {@code KeyedStream#process}: keyed state and timers scoped to the current key. */
public final class KeyedProcessOperator extends UdfOperator<KeyedProcessFunction<Object, Object, Object>>
        implements OneInputOperator, Triggerable<VoidNamespace> {
    private final String missingEventTimeSource;
    private TimestampedCollector collector;
    private KeyedProcessFunction<Object, Object, Object>.Context ctx;
    private KeyedProcessFunction<Object, Object, Object>.OnTimerContext timerCtx;
    private long elementTimestamp;
    private TimeDomain timeDomain;

    /** {@code missingEventTimeSource} names the source whose stream lacks watermarks, or is null. */
    public KeyedProcessOperator(KeyedProcessFunction<Object, Object, Object> function, String missingEventTimeSource) {
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
                SideOutputs.emit(output, outputTag, value, elementTimestamp, KeyedProcessOperator.this);
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
                SideOutputs.emit(output, outputTag, value, elementTimestamp, KeyedProcessOperator.this);
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
    public void processElement(Object value, long timestamp) throws Exception {
        elementTimestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement(value, ctx, collector);
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
        // As in Flink: output of a processing-time timer carries no timestamp, but the context reports the timer's time.
        elementTimestamp = timer.getTimestamp();
        collector.eraseTimestamp();
        timeDomain = TimeDomain.PROCESSING_TIME;
        function.onTimer(elementTimestamp, timerCtx, collector);
    }
}
