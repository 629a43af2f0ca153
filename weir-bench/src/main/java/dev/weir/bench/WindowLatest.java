package dev.weir.bench;

/**
 * A latency-workload window result: the key, how many events the window held and their latest event time, which
 * names the window (and so, through {@link WindowCloses}, the event that closed it).
 */
public class WindowLatest {
    public long key;
    public long count;
    public long timestamp = Long.MIN_VALUE;

    /** For Flink's POJO rules. */
    public WindowLatest() {
    }

    public WindowLatest(long key, long count, long timestamp) {
        this.key = key;
        this.count = count;
        this.timestamp = timestamp;
    }
}
