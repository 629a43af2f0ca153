package dev.weir.engine.windowing;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements of one key's window made of several {@link SliceBuffer}s, merged by arrival number.
 */
final class SliceMerge {
    private final ArrayList<SliceBuffer> buffers = new ArrayList<>();
    private final ArrayList<Object> merged = new ArrayList<>();
    private int[] positions = new int[8];

    SliceMerge start(SliceBuffer first) {
        buffers.clear();
        buffers.add(first);
        return this;
    }

    SliceMerge add(SliceBuffer next) {
        buffers.add(next);
        return this;
    }

    /** Every element of the window's slices, in the order they arrived. */
    List<Object> elements() {
        int k = buffers.size();
        if (positions.length < k) {
            positions = new int[k * 2];
        }
        int total = 0;
        for (int i = 0; i < k; i++) {
            positions[i] = 0;
            total += buffers.get(i).size();
        }
        merged.clear();
        merged.ensureCapacity(total);
        for (int taken = 0; taken < total; taken++) {
            int best = -1;
            long bestArrival = Long.MAX_VALUE;
            for (int i = 0; i < k; i++) {
                SliceBuffer b = buffers.get(i);
                if (positions[i] < b.size() && b.arrivals[positions[i]] < bestArrival) {
                    bestArrival = b.arrivals[positions[i]];
                    best = i;
                }
            }
            merged.add(buffers.get(best).values.get(positions[best]++));
        }
        return merged;
    }
}
