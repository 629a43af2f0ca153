package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichReduceFunction;
import dev.weir.builtin.BundledReduceFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Python {@code reduce} on a keyed stream (no window): Weir keeps each key's reduced value in its keyed state, so it
 * is checkpointed with the job, and sends a bundle of records in one round trip ({@link BundledReduceFunction}). Each
 * record crosses as {@code [key number, value]}, the first of its key in the bundle as {@code [key number, value,
 * reduced value before the bundle or None]}; the worker keeps the running value per key number while it answers the
 * bundle, and answers the running value after each record.
 */
final class PythonKeyedReduce extends RichReduceFunction<Object> implements BundledReduceFunction<Object> {
    private static final long serialVersionUID = 1L;
    private static final int[] ONE_KEY = {0};

    private final int driverPort;
    private final int operatorId;
    private final int bundleSize;
    private final long bundleTimeMillis;
    private transient WorkerConnection worker;
    private transient RecordBundle requests;
    private transient BundleAnswers answers;
    private transient List<Object> reduced;
    private transient boolean[] seen;

    PythonKeyedReduce(int driverPort, int operatorId, int bundleSize, long bundleTimeMillis) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
        this.bundleSize = bundleSize;
        this.bundleTimeMillis = bundleTimeMillis;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        worker = new WorkerConnection(driverPort, operatorId, getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks());
        requests = new RecordBundle(Math.min(bundleSize, 1024));
        answers = new BundleAnswers();
        reduced = new ArrayList<>();
        seen = new boolean[64];
    }

    @Override
    public int maxBundleSize() {
        return bundleSize;
    }

    @Override
    public long maxBundleTimeMillis() {
        return bundleTimeMillis;
    }

    @Override
    public List<Object> reduceBundle(List<Object> values, int[] keys, List<Object> before) throws Exception {
        int distinct = before.size();
        if (seen.length < distinct) {
            seen = new boolean[Math.max(distinct, seen.length * 2)];
        }
        Arrays.fill(seen, 0, distinct, false);
        int n = values.size();
        for (int i = 0; i < n; i++) {
            int key = keys[i];
            Object value = Keyed.plain(values.get(i));
            if (seen[key]) {
                requests.add(Arrays.asList((long) key, value), Long.MIN_VALUE, Integer.MAX_VALUE);
            } else {
                seen[key] = true;
                requests.add(Arrays.asList((long) key, value, Keyed.plain(before.get(key))), Long.MIN_VALUE, Integer.MAX_VALUE);
            }
        }
        try {
            worker.send(requests);
            worker.answers(answers);
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        } finally {
            requests.clear();
        }
        if (answers.size() != n) {
            throw new IOException("the Python worker answered " + answers.size() + " of the " + n
                    + " records it was sent: the weir Python package and the weir-python jar differ in version");
        }
        reduced.clear();
        for (int i = 0; i < n; i++) {
            Object answer = answers.get(i);
            reduced.add(values.get(i) instanceof Keyed keyed && answer != null ? new Keyed(keyed.key(), answer) : answer);
        }
        return reduced;
    }

    /** Two values alone, where a runtime does not know bundles (the Flink runner, BATCH mode). */
    @Override
    public Object reduce(Object accumulated, Object value) throws Exception {
        return reduceBundle(List.of(value), ONE_KEY, List.of(accumulated)).get(0);
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }
}
