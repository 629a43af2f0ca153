package dev.weir.bench;

/**
 * A latency-workload window result: the key, how many events the window held and the latest creation time
 * ({@link System#nanoTime()}) among them, from which the sink measures the result's delay.
 */
public class WindowLatest {
    public long key;
    public long count;
    public long created = Long.MIN_VALUE;

    /** For Flink's POJO rules. */
    public WindowLatest() {
    }

    public WindowLatest(long key, long count, long created) {
        this.key = key;
        this.count = count;
        this.created = created;
    }
}
