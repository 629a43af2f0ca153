package dev.weir.engine.operators;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.builtin.BundledReduceFunction;
import java.util.ArrayList;
import java.util.List;

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

    private final KeyedRecordBundle bundle = new KeyedRecordBundle();
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
        if (bundle.add(value, timestamp, keyedState.getCurrentKey()) >= maxBundleSize) {
            finishBundle();
        } else {
            finishBundleWithin(function.maxBundleTimeMillis());
        }
    }

    @Override
    protected void finishBundle() throws Exception {
        int n = bundle.size();
        if (n == 0) {
            return;
        }
        List<Object> keys = bundle.keys();
        int[] keyNumbers = bundle.keyNumbers();
        int distinct = keys.size();
        if (lastRecord.length < distinct) {
            lastRecord = new int[Math.max(distinct, lastRecord.length * 2)];
        }
        Object restore = keyedState.getCurrentKey();
        for (int k = 0; k < distinct; k++) {
            keyedState.setCurrentKey(keys.get(k));
            before.add(current.value());
        }
        List<Object> reduced = function.reduceBundle(bundle.values(), keyNumbers, before);
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
        bundle.clear(); // keeps the timestamps' array, read below
        before.clear();
        for (int i = 0; i < n; i++) {
            output.collect(reduced.get(i), bundle.timestamp(i));
        }
    }
}
