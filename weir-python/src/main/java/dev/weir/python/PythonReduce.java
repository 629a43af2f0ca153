package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichReduceFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python {@code reduce} on a keyed stream or a window: Weir keeps the reduced value in its keyed state (so it is
 * checkpointed with the job) and asks the Python worker to combine it with each new value.
 */
final class PythonReduce extends RichReduceFunction<Object> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private transient WorkerConnection worker;
    private transient List<Object> oneInput;

    PythonReduce(int driverPort, int operatorId) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        worker = new WorkerConnection(driverPort, operatorId, getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks());
        oneInput = new ArrayList<>(1);
        oneInput.add(null);
    }

    @Override
    public Object reduce(Object accumulated, Object value) throws Exception {
        Keyed a = (Keyed) accumulated;
        oneInput.set(0, List.of(a.value(), ((Keyed) value).value()));
        try {
            return new Keyed(a.key(), ((List<?>) worker.call(oneInput).get(0)).get(0));
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }
}
