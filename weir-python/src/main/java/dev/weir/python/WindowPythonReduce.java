package dev.weir.python;

import dev.weir.api.common.functions.ReduceFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python {@code reduce} on a window. Flink (and Weir) refuse a rich function there, as windows pre-aggregate
 * without a runtime context, so this one connects to its Python worker on the first call, with the subtask unknown
 * (the worker's {@code RuntimeContext} says -1), and the connection closes with the job.
 */
final class WindowPythonReduce implements ReduceFunction<Object> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private transient WorkerConnection worker;
    private transient List<Object> oneInput;

    WindowPythonReduce(int driverPort, int operatorId) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
    }

    @Override
    public Object reduce(Object accumulated, Object value) throws Exception {
        Keyed a = (Keyed) accumulated;
        try {
            if (worker == null) {
                worker = new WorkerConnection(driverPort, operatorId, -1, -1);
                oneInput = new ArrayList<>(1);
                oneInput.add(null);
            }
            oneInput.set(0, List.of(a.value(), ((Keyed) value).value()));
            return new Keyed(a.key(), ((List<?>) worker.call(oneInput).get(0)).get(0));
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
    }
}
