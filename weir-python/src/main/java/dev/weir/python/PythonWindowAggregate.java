package dev.weir.python;

import dev.weir.api.common.functions.AggregateFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Python {@code AggregateFunction} on a window. The accumulator is the Python value pickled (so it may be any Python
 * object) and lives in Weir's window state as a {@code byte[]}; each call goes to the Python worker. As with
 * {@link WindowPythonReduce}, Flink refuses a rich function here, so the worker connects on the first call and its
 * {@code RuntimeContext} says subtask -1.
 */
final class PythonWindowAggregate implements AggregateFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private transient WorkerConnection worker;
    private transient List<Object> oneInput;

    PythonWindowAggregate(int driverPort, int operatorId) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
    }

    @Override
    public Object createAccumulator() {
        return call(List.of("create"));
    }

    @Override
    public Object add(Object value, Object accumulator) {
        return call(List.of("add", ((Keyed) value).value(), accumulator));
    }

    @Override
    public Object getResult(Object accumulator) {
        return call(List.of("result", accumulator));
    }

    @Override
    public Object merge(Object a, Object b) {
        return call(List.of("merge", a, b));
    }

    /** AggregateFunction's methods throw no checked exceptions, so a lost worker is rethrown unchecked. */
    private Object call(List<Object> request) {
        try {
            if (worker == null) {
                worker = new WorkerConnection(driverPort, operatorId, -1, -1);
                oneInput = new ArrayList<>(Arrays.asList((Object) null));
            }
            oneInput.set(0, request);
            return worker.call(oneInput).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(WorkerConnection.lost(e));
        }
    }
}
