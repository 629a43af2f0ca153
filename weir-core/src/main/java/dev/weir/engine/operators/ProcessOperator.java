package dev.weir.engine.operators;

import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.TimerService;

/** {@code DataStream#process} on a non-keyed stream. */
public final class ProcessOperator extends ProcessContextOperator<ProcessFunction<Object, Object>> implements OneInputOperator {
    private ProcessFunction<Object, Object>.Context ctx;

    public ProcessOperator(ProcessFunction<Object, Object> function) {
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
    public void processElement(Object value, long timestamp) throws Exception {
        enterElement(timestamp);
        function.processElement(value, ctx, collector);
    }
}
