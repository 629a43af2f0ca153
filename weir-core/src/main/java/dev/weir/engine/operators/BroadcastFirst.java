package dev.weir.engine.operators;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * BATCH mode's order for a broadcast operator: as in Flink, the broadcast input is processed before the other one, so
 * the non-broadcast elements that arrive while the broadcast input is still running are held here (on the heap) and
 * replayed, in arrival order, when it ends.
 */
final class BroadcastFirst {
    private final ArrayList<Object> values = new ArrayList<>();
    private long[] timestamps = new long[16];

    void hold(Object value, long timestamp) {
        if (values.size() == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, timestamps.length * 2);
        }
        timestamps[values.size()] = timestamp;
        values.add(value);
    }

    /** Hands every held element to the operator's first input, in arrival order. */
    void replayInto(TwoInputOperator operator) throws Exception {
        for (int i = 0, n = values.size(); i < n; i++) {
            operator.processElement1(values.get(i), timestamps[i]);
        }
        values.clear();
    }
}
