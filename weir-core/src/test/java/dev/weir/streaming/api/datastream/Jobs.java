package dev.weir.streaming.api.datastream;

import dev.weir.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for end-to-end job tests. */
final class Jobs {
    private Jobs() {
    }

    /** Runs the job behind {@code stream} to its end and returns every element, in arrival order. */
    static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    static <T extends Comparable<T>> List<T> collectSorted(DataStream<T> stream) throws Exception {
        List<T> out = collect(stream);
        out.sort(null);
        return out;
    }
}
