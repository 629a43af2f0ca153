package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.Triggerable;

/** {@code ConnectedStreams#process} with a {@link KeyedCoProcessFunction}: state and timers for the current key. */
public final class KeyedCoProcessOperator extends ProcessContextOperator<KeyedCoProcessFunction<Object, Object, Object, Object>>
        implements TwoInputOperator, Triggerable<VoidNamespace> {
    private final String missingEventTimeSource;
    private KeyedCoProcessFunction<Object, Object, Object, Object>.Context ctx;
    private KeyedCoProcessFunction<Object, Object, Object, Object>.OnTimerContext timerCtx;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<Object, Object, Object, Object> function, String missingEventTimeSource) {
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
        timerCtx = function.new OnTimerContext() {
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
            public TimeDomain timeDomain() {
                return KeyedCoProcessOperator.this.timeDomain();
            }

            @Override
            public Object getCurrentKey() {
                return currentKey();
            }
        };
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        enterElement(timestamp);
        function.processElement1(value, ctx, collector);
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        enterElement(timestamp);
        function.processElement2(value, ctx, collector);
    }

    @Override
    protected void onTimer(long timestamp) throws Exception {
        function.onTimer(timestamp, timerCtx, collector);
    }
}
