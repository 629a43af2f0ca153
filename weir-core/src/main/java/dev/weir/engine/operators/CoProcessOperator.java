package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.TimerService;

/** {@code ConnectedStreams#process} with a {@link CoProcessFunction} on non-keyed streams. */
public final class CoProcessOperator extends ProcessContextOperator<CoProcessFunction<Object, Object, Object>> implements TwoInputOperator {
    private CoProcessFunction<Object, Object, Object>.Context ctx;

    public CoProcessOperator(CoProcessFunction<Object, Object, Object> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        TimerService timerService = new NonKeyedTimerService(this);
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
}
