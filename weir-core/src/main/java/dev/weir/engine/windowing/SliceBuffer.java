package dev.weir.engine.windowing;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The elements of one key's slice, for windows without pre-aggregation: each element once, with its arrival number,
 * so that a window of several slices hands them to the window function in arrival order, as Flink's list state does.
 * Plain fields, so checkpoints store it as it is.
 */
final class SliceBuffer {
    ArrayList<Object> values = new ArrayList<>();
    long[] arrivals = new long[4];

    void add(Object value, long arrival) {
        int n = values.size();
        if (n == arrivals.length) {
            arrivals = Arrays.copyOf(arrivals, n * 2);
        }
        arrivals[n] = arrival;
        values.add(value);
    }

    int size() {
        return values.size();
    }
}
