package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.TimerService;

/** {@code ConnectedStreams#process} with a {@link CoProcessFunction} on non-keyed streams. */
public final class CoProcessOperator extends UdfOperator<CoProcessFunction<Object, Object, Object>> implements TwoInputOperator {
    private TimestampedCollector collector;
    private CoProcessFunction<Object, Object, Object>.Context ctx;
    private long elementTimestamp;

    public CoProcessOperator(CoProcessFunction<Object, Object, Object> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector(output, this);
        TimerService timerService = new NonKeyedTimerService(this);
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
                SideOutputs.emit(output, outputTag, value, elementTimestamp, CoProcessOperator.this);
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
}
