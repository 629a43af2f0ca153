package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.Triggerable;

/** {@code KeyedStream#process}: keyed state and timers scoped to the current key. */
public final class KeyedProcessOperator extends ProcessContextOperator<KeyedProcessFunction<Object, Object, Object>>
        implements OneInputOperator, Triggerable<VoidNamespace> {
    private final String missingEventTimeSource;
    private KeyedProcessFunction<Object, Object, Object>.Context ctx;
    private KeyedProcessFunction<Object, Object, Object>.OnTimerContext timerCtx;

    /** {@code missingEventTimeSource} names the source whose stream lacks watermarks, or is null. */
    public KeyedProcessOperator(KeyedProcessFunction<Object, Object, Object> function, String missingEventTimeSource) {
        super(function);
        this.missingEventTimeSource = missingEventTimeSource;
    }

    @Override
    public void open() throws Exception {
        super.open();
        TimerService timerService = keyedTimerService(this, missingEventTimeSource);
        ctx = function.new Context() {
            @Override
            public Long timestamp() {
                return timestampOrNull();
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                sideOutput(outputTag, value);
            }

            @Override
            public Object getCurrentKey() {
                return currentKey();
            }
        };
        timerCtx = onTimerContext(this, function, timerService);
    }

    /** The context of a timer of {@code function} in {@code operator}: its timer's time, key and time domain. */
    static KeyedProcessFunction<Object, Object, Object>.OnTimerContext onTimerContext(
            ProcessContextOperator<?> operator, KeyedProcessFunction<Object, Object, Object> function, TimerService timerService) {
        return function.new OnTimerContext() {
            @Override
            public Long timestamp() {
                return operator.timestampOrNull();
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                operator.sideOutput(outputTag, value);
            }

            @Override
            public TimeDomain timeDomain() {
                return operator.timeDomain();
            }

            @Override
            public Object getCurrentKey() {
                return operator.currentKey();
            }
        };
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        enterElement(timestamp);
        function.processElement(value, ctx, collector);
    }

    @Override
    protected void onTimer(long timestamp) throws Exception {
        function.onTimer(timestamp, timerCtx, collector);
    }
}
