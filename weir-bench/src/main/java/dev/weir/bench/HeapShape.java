package dev.weir.bench;

/**
 * Workload 10's generator: logical event {@code i} has key {@code i}, event time 0 and value 1; the first
 * {@code keys} events are the job's input and the rest, generated so the source never ends, are dropped before the
 * window. Event time never advances, so the window holding all keys never fires. Indexes interleave across
 * subtasks as in {@link EventShape}, so each subtask reaches the end of its keyed share at the same time.
 */
public final class HeapShape implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Far more indexes than any run generates, and a multiple of any parallelism up to 2^20. */
    private static final long INDEXES_PER_SUBTASK = 1L << 40;

    private final long keys;
    private final int parallelism;

    public HeapShape(long keys, int parallelism) {
        if (keys < 0 || parallelism <= 0) {
            throw new IllegalArgumentException("HeapShape: keys (" + keys + ") must not be negative and the"
                    + " parallelism (" + parallelism + ") must be positive");
        }
        this.keys = keys;
        this.parallelism = parallelism;
    }

    public long keys() {
        return keys;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The source's index count: effectively endless, an exact multiple of the parallelism. */
    public long sourceCount() {
        return INDEXES_PER_SUBTASK * parallelism;
    }

    /** The logical event number (= its key) of source index {@code j}. */
    public long key(long j) {
        return j % INDEXES_PER_SUBTASK * parallelism + j / INDEXES_PER_SUBTASK;
    }
}
