package dev.weir.engine.operators;

import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.TimerService;

/** {@code DataStream#process} on a non-keyed stream. */
public final class ProcessOperator extends UdfOperator<ProcessFunction<Object, Object>> implements OneInputOperator {
    private TimestampedCollector collector;
    private ProcessFunction<Object, Object>.Context ctx;
    private long elementTimestamp;

    public ProcessOperator(ProcessFunction<Object, Object> function) {
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
                SideOutputs.emit(output, outputTag, value, elementTimestamp, ProcessOperator.this);
            }
        };
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        elementTimestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement(value, ctx, collector);
    }
}
