package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;

/** A Python {@code KeyedProcessFunction}: elements and timers go to the worker; state and timers stay in Weir. */
final class PythonKeyedProcess extends KeyedProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private transient WorkerConnection worker;
    private transient ProcessConversation conversation;

    PythonKeyedProcess(int driverPort, int operatorId) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        worker = new WorkerConnection(driverPort, operatorId, getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks());
        conversation = new ProcessConversation(worker, getRuntimeContext(), true);
    }

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        conversation.call(Arrays.asList("element", ((Keyed) value).value(), ctx.timestamp(), ctx.getCurrentKey(),
                ctx.timerService().currentWatermark()), ctx.timerService(), out, ctx::output);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        String domain = ctx.timeDomain() == TimeDomain.EVENT_TIME ? "EVENT_TIME" : "PROCESSING_TIME";
        conversation.call(Arrays.asList("timer", timestamp, ctx.getCurrentKey(), ctx.timerService().currentWatermark(),
                domain), ctx.timerService(), out, ctx::output);
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }
}
