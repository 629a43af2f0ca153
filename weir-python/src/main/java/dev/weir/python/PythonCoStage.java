package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.co.RichCoFlatMapFunction;
import dev.weir.util.Collector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python {@code CoMapFunction} or {@code CoFlatMapFunction} on connected streams: each record goes to the one
 * worker of this subtask tagged with its input (1 or 2), so both sides share the function's Python object.
 */
final class PythonCoStage extends RichCoFlatMapFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private transient WorkerConnection worker;
    private transient List<Object> oneInput;

    PythonCoStage(int driverPort, int operatorId) {
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
    public void flatMap1(Object value, Collector<Object> out) throws Exception {
        call(1L, value, out);
    }

    @Override
    public void flatMap2(Object value, Collector<Object> out) throws Exception {
        call(2L, value, out);
    }

    @SuppressWarnings("unchecked")
    private void call(Long input, Object value, Collector<Object> out) throws Exception {
        oneInput.set(0, List.of(input, value instanceof Keyed keyed ? keyed.value() : value));
        List<Object> values;
        try {
            values = (List<Object>) worker.call(oneInput).get(0);
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
        for (int i = 0, n = values.size(); i < n; i++) {
            out.collect(values.get(i));
        }
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }
}
