package dev.weir.engine.exec;

import dev.weir.engine.operators.OneInputOperator;
import dev.weir.engine.operators.OperatorFailure;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * BATCH mode's input of a keyed one-input operator: as Flink sorts keyed input in BATCH mode, the records are held
 * until the input ends and then processed in timestamp order (records with equal timestamps, or none, keep their
 * arrival order), so each key sees its records in event-time order. Flink also groups them by key; with keyed state
 * and timers scoped to one key the results are the same either way. Held on the heap: Flink sorts with spilling.
 */
final class SortedBatchInput {
    private final ArrayList<Object> values = new ArrayList<>();
    private long[] timestamps = new long[64];

    void add(Object value, long timestamp) {
        if (values.size() == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, timestamps.length * 2);
        }
        timestamps[values.size()] = timestamp;
        values.add(value);
    }

    /** Processes every held record in timestamp order; runs once, when the input has ended. */
    void flushInto(OneInputOperator operator) throws Exception {
        int n = values.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] ts = timestamps;
        // Arrays.sort on objects is stable, so equal timestamps keep their arrival order.
        Arrays.sort(order, (a, b) -> Long.compare(ts[a], ts[b]));
        for (Integer i : order) {
            Object value = values.get(i);
            try {
                operator.processElement(value, ts[i]);
            } catch (Throwable t) {
                throw OperatorFailure.wrap(operator, OperatorFailure.onRecord(value), t);
            }
        }
        values.clear();
        timestamps = new long[0];
    }
}
