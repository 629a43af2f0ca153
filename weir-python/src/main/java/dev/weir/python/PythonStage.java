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
 * exactly-once hold as if records went one at a time. While Python works on a full bundle, the JVM fills the next
 * one (two bundles of records are held at most), so the two sides work at the same time.
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
    /** The bundle being filled. */
    private transient Bundle filling;
    /** The bundle the worker is working on while {@link #filling} fills, or null: at most one is in flight. */
    private transient Bundle inFlight;
    /** The other bundle while none is in flight. */
    private transient Bundle spare;

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
        filling = new Bundle(capacity);
        spare = new Bundle(capacity);
    }

    /**
     * Adds the record; a full bundle is sent at once and the JVM goes on filling the next while Python works on it.
     * Before a second bundle is sent, the first one's answers are read and emitted, so outputs keep their order.
     */
    @Override
    public void addToBundle(Object value, long timestamp, BundleOutput<Object> out) throws Exception {
        filling.add(value instanceof Keyed keyed ? keyed.value() : value, timestamp, bundleSize);
        if (filling.values.size() < bundleSize) {
            return;
        }
        Bundle full = filling;
        if (inFlight == null) {
            send(full);
            inFlight = full;
            filling = spare;
            return;
        }
        Bundle answered = inFlight;
        List<Object> answers = answers();
        send(full);
        inFlight = full;
        emit(answered, answers, out);
        filling = answered;
    }

    @Override
    public boolean hasBundle() {
        return inFlight != null || !filling.values.isEmpty();
    }

    @Override
    public long maxBundleTimeMillis() {
        return bundleTimeMillis;
    }

    /** Emits the answers of the bundle in flight, then sends the one filling and waits for its answers. */
    @Override
    public void finishBundle(BundleOutput<Object> out) throws Exception {
        if (inFlight != null) {
            Bundle answered = inFlight;
            inFlight = null;
            emit(answered, answers(), out);
            spare = answered;
        }
        if (!filling.values.isEmpty()) {
            send(filling);
            emit(filling, answers(), out);
        }
    }

    private void send(Bundle bundle) throws IOException {
        try {
            worker.send(bundle.values);
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
    }

    private List<Object> answers() throws IOException {
        try {
            return worker.answers();
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void emit(Bundle bundle, List<Object> answers, BundleOutput<Object> out) throws Exception {
        List<Object> values = bundle.values;
        long[] timestamps = bundle.timestamps;
        for (int i = 0, n = values.size(); i < n; i++) {
            Object answer = answers.get(i);
            long timestamp = timestamps[i];
            switch (reply) {
                case ONE_EACH -> out.collect(answer, timestamp);
                case MANY_EACH -> {
                    List<Object> many = (List<Object>) answer;
                    for (int j = 0, m = many.size(); j < m; j++) {
                        out.collect(many.get(j), timestamp);
                    }
                }
                case KEEP -> {
                    if ((Long) answer != 0) {
                        out.collect(values.get(i), timestamp);
                    }
                }
                case KEY -> out.collect(new Keyed(answer, values.get(i)), timestamp);
                case TIMESTAMP -> out.collect(new Stamped((Long) answer, values.get(i)), timestamp);
            }
        }
        bundle.values.clear();
    }

    /** The records of one bundle and their timestamps. */
    private static final class Bundle {
        final List<Object> values;
        long[] timestamps;

        Bundle(int capacity) {
            values = new ArrayList<>(capacity);
            timestamps = new long[capacity];
        }

        void add(Object value, long timestamp, int bundleSize) {
            int n = values.size();
            if (n == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, Math.min(bundleSize, n * 2));
            }
            values.add(value);
            timestamps[n] = timestamp;
        }
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
