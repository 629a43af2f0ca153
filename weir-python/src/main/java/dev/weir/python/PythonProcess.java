package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;

/** A Python {@code ProcessFunction} on a stream that is not keyed: elements go to the worker, with their timestamp. */
final class PythonProcess extends ProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private transient WorkerConnection worker;
    private transient ProcessConversation conversation;

    PythonProcess(int driverPort, int operatorId) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        worker = new WorkerConnection(driverPort, operatorId, getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks());
        conversation = new ProcessConversation(worker, getRuntimeContext(), false);
    }

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        Object plain = value instanceof Keyed keyed ? keyed.value() : value;
        conversation.call(Arrays.asList("element", plain, ctx.timestamp(), null, ctx.timerService().currentWatermark()),
                null, out, ctx::output);
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }
}
