package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.util.Collector;
import java.util.Arrays;

/** A Python {@code ProcessFunction} on a stream that is not keyed: elements go to the worker, with their timestamp. */
final class PythonProcess extends ProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final ConversationLink link;

    PythonProcess(int driverPort, int operatorId) {
        link = new ConversationLink(driverPort, operatorId, false);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        link.open(getRuntimeContext());
    }

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        Object plain = value instanceof Keyed keyed ? keyed.value() : value;
        link.conversation().call(Arrays.asList("element", plain, ctx.timestamp(), null, ctx.timerService().currentWatermark()),
                null, out, ctx::output);
    }

    @Override
    public void close() throws Exception {
        link.close();
    }
}
