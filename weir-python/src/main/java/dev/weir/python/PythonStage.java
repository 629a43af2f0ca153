package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichFlatMapFunction;
import dev.weir.api.java.tuple.Tuple;
import dev.weir.util.Collector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-input Python operator ({@code map}, {@code flat_map}, {@code filter}, a {@code key_by}'s key selector, a
 * timestamp assigner): each record goes to this subtask's Python worker and the values it returns are emitted.
 *
 * <p>Records go one at a time and the reply is awaited, so every output is emitted before the next watermark or
 * checkpoint barrier passes this operator: event time and exactly-once hold without a flush hook. (Batching across
 * records needs an operator hook at watermarks and end of input that Weir's public API does not offer yet.)
 */
final class PythonStage extends RichFlatMapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;

    /** How the worker's values become records. */
    enum Output {
        /** As they are. */
        PLAIN,
        /** The worker returns {@code (key, value)}: a {@link Keyed} record. */
        KEYED,
        /** The worker returns {@code (timestamp, value)}: a {@link Stamped} record. */
        STAMPED
    }

    private final int driverPort;
    private final int operatorId;
    private final Output output;
    private transient WorkerConnection worker;
    private transient List<Object> oneInput;

    PythonStage(int driverPort, int operatorId, Output output) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
        this.output = output;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        worker = new WorkerConnection(driverPort, operatorId, getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks());
        oneInput = new ArrayList<>(1);
        oneInput.add(null);
    }

    @Override
    public void flatMap(Object value, Collector<Object> out) throws Exception {
        oneInput.set(0, value instanceof Keyed keyed ? keyed.value() : value);
        List<List<Object>> replies;
        try {
            replies = worker.call(oneInput);
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
        List<Object> values = replies.get(0);
        for (int i = 0, n = values.size(); i < n; i++) {
            out.collect(convert(values.get(i)));
        }
    }

    private Object convert(Object value) {
        switch (output) {
            case KEYED: {
                Tuple pair = (Tuple) value;
                return new Keyed(pair.getField(0), pair.getField(1));
            }
            case STAMPED: {
                Tuple pair = (Tuple) value;
                return new Stamped((Long) pair.getField(0), pair.getField(1));
            }
            default:
                return value;
        }
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }
}
