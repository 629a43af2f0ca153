package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichFlatMapFunction;
import dev.weir.builtin.BundledFunction;
import dev.weir.util.Collector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A one-input Python operator ({@code map}, {@code flat_map}, {@code filter}, a {@code key_by}'s key selector, a
 * timestamp assigner): records go to this subtask's Python worker in bundles, as PyFlink sends them, and the values
 * it returns are emitted in the records' order, each with its record's timestamp. Weir finishes a bundle before each
 * watermark and checkpoint barrier passes and at the end of input ({@link BundledFunction}), so event time and
 * exactly-once hold as if records went one at a time.
 */
final class PythonStage extends RichFlatMapFunction<Object, Object> implements BundledFunction<Object, Object> {
    private static final long serialVersionUID = 1L;

    /** What the worker answers for a bundle, by the Python operator's kind. */
    enum Reply {
        /** {@code map}: one value per record. */
        ONE_EACH,
        /** {@code flat_map}: a list of values per record. */
        MANY_EACH,
        /** {@code filter}: 1 to keep the record, 0 to drop it. */
        KEEP,
        /** {@code key_by}: the record's key; the record becomes a {@link Keyed}. */
        KEY,
        /** A timestamp assigner: the record's event time; the record becomes a {@link Stamped}. */
        TIMESTAMP
    }

    private final int driverPort;
    private final int operatorId;
    private final Reply reply;
    private final int bundleSize;
    private final long bundleTimeMillis;
    private transient WorkerConnection worker;
    private transient List<Object> bundle;
    private transient long[] timestamps;

    PythonStage(int driverPort, int operatorId, Reply reply, int bundleSize, long bundleTimeMillis) {
        if (bundleSize < 1) {
            throw new IllegalArgumentException("python.fn-execution.bundle.size is " + bundleSize + "; it must be at least 1");
        }
        this.driverPort = driverPort;
        this.operatorId = operatorId;
        this.reply = reply;
        this.bundleSize = bundleSize;
        this.bundleTimeMillis = bundleTimeMillis;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        worker = new WorkerConnection(driverPort, operatorId, getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks());
        int capacity = Math.min(bundleSize, 1024);
        bundle = new ArrayList<>(capacity);
        timestamps = new long[capacity];
    }

    @Override
    public void addToBundle(Object value, long timestamp, BundleOutput<Object> out) throws Exception {
        int n = bundle.size();
        if (n == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, Math.min(bundleSize, n * 2));
        }
        bundle.add(value instanceof Keyed keyed ? keyed.value() : value);
        timestamps[n] = timestamp;
        if (n + 1 >= bundleSize) {
            finishBundle(out);
        }
    }

    @Override
    public boolean hasBundle() {
        return !bundle.isEmpty();
    }

    @Override
    public long maxBundleTimeMillis() {
        return bundleTimeMillis;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finishBundle(BundleOutput<Object> out) throws Exception {
        List<Object> answers;
        try {
            answers = worker.call(bundle);
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
        for (int i = 0, n = bundle.size(); i < n; i++) {
            Object answer = answers.get(i);
            long timestamp = timestamps[i];
            switch (reply) {
                case ONE_EACH -> out.collect(answer, timestamp);
                case MANY_EACH -> {
                    List<Object> values = (List<Object>) answer;
                    for (int j = 0, m = values.size(); j < m; j++) {
                        out.collect(values.get(j), timestamp);
                    }
                }
                case KEEP -> {
                    if ((Long) answer != 0) {
                        out.collect(bundle.get(i), timestamp);
                    }
                }
                case KEY -> out.collect(new Keyed(answer, bundle.get(i)), timestamp);
                case TIMESTAMP -> out.collect(new Stamped((Long) answer, bundle.get(i)), timestamp);
            }
        }
        bundle.clear();
    }

    /** One record alone, where a runtime does not know bundles (the Flink runner). */
    @Override
    public void flatMap(Object value, Collector<Object> out) throws Exception {
        addToBundle(value, Long.MIN_VALUE, (v, t) -> out.collect(v));
        if (hasBundle()) {
            finishBundle((v, t) -> out.collect(v));
        }
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }
}
