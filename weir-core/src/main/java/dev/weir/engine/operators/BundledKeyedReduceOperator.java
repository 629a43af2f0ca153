package dev.weir.engine.operators;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.builtin.BundledReduceFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code KeyedStream#reduce} of a {@link BundledReduceFunction} in STREAMING mode: records wait in a bundle with their
 * keys; finishing it reads the reduced value of each distinct key from keyed state (the only copy, so checkpoints
 * hold it), has the function reduce the bundle in one call, writes each key's last value back under that key and
 * emits one output per record in the records' order. The bundle is finished before a watermark is forwarded, before
 * the operator is snapshotted (so the barrier follows the outputs and the state holds every record before it), at
 * the end of input, and by a processing-time timer at most {@link BundledReduceFunction#maxBundleTimeMillis()} after
 * it began. In BATCH mode it works as {@link KeyedReduceOperator} does. The state is the one {@link KeyedReduceOperator} keeps, so either operator restores the other's.
 */
public final class BundledKeyedReduceOperator extends BundlingOperator<BundledReduceFunction<Object>> {
    private final int maxBundleSize;
    private ValueState<Object> current;
    /** In BATCH mode, where only each key's final value is emitted, the one-at-a-time operator does the work. */
    private KeyedReduceOperator batch;

    private final List<Object> values = new ArrayList<>();
    private long[] timestamps = new long[64];
    private int[] keyNumbers = new int[64];
    /** The bundle's distinct keys, numbered in the order of their first record. */
    private final Map<Object, Integer> numbers = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();
    private final List<Object> before = new ArrayList<>();
    /** Per key number, the index of the key's last record in the bundle. */
    private int[] lastRecord = new int[64];

    public BundledKeyedReduceOperator(BundledReduceFunction<Object> function) {
        super(function);
        this.maxBundleSize = function.maxBundleSize();
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        super.setup(context, output);
        if (context.batch()) {
            batch = new KeyedReduceOperator(function);
            batch.setup(context, output);
        }
    }

    @Override
    public void open() throws Exception {
        if (batch != null) {
            batch.open(); // opens the function
            return;
        }
        super.open();
        current = keyedState.getOrCreateState(new ValueStateDescriptor<>(KeyedReduceOperator.STATE_NAME, Object.class));
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        if (batch != null) {
            batch.processElement(value, timestamp);
            return;
        }
        int n = values.size();
        if (n == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, n * 2);
            keyNumbers = Arrays.copyOf(keyNumbers, n * 2);
        }
        Object key = keyedState.getCurrentKey();
        Integer number = numbers.get(key);
        if (number == null) {
            number = keys.size();
            numbers.put(key, number);
            keys.add(key);
        }
        values.add(value);
        timestamps[n] = timestamp;
        keyNumbers[n] = number;
        if (n + 1 >= maxBundleSize) {
            finishBundle();
        } else {
            finishBundleWithin(function.maxBundleTimeMillis());
        }
    }

    @Override
    protected void finishBundle() throws Exception {
        int n = values.size();
        if (n == 0) {
            return;
        }
        int distinct = keys.size();
        if (lastRecord.length < distinct) {
            lastRecord = new int[Math.max(distinct, lastRecord.length * 2)];
        }
        Object restore = keyedState.getCurrentKey();
        for (int k = 0; k < distinct; k++) {
            keyedState.setCurrentKey(keys.get(k));
            before.add(current.value());
        }
        List<Object> reduced = function.reduceBundle(values, keyNumbers, before);
        if (reduced.size() != n) {
            throw new IllegalStateException(describe() + " reduced " + reduced.size() + " of the " + n
                    + " records of its bundle: reduceBundle must return one value per record");
        }
        for (int i = 0; i < n; i++) {
            if (reduced.get(i) == null) {
                throw new NullPointerException(describe() + " returned null from reduce: the reduce function must return a value");
            }
            lastRecord[keyNumbers[i]] = i;
        }
        for (int k = 0; k < distinct; k++) {
            keyedState.setCurrentKey(keys.get(k));
            current.update(reduced.get(lastRecord[k]));
        }
        if (restore != null) {
            keyedState.setCurrentKey(restore);
        }
        clearBundle();
        for (int i = 0; i < n; i++) {
            output.collect(reduced.get(i), timestamps[i]);
        }
    }

    private void clearBundle() {
        values.clear();
        numbers.clear();
        keys.clear();
        before.clear();
    }
}
