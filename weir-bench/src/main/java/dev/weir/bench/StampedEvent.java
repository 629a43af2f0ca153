package dev.weir.bench;

/** An event of the latency workload: {@link Event}'s key and event time plus its creation {@link System#nanoTime()}. */
public class StampedEvent {
    public long key;
    public long timestamp;
    public long created;

    /** For Flink's POJO rules. */
    public StampedEvent() {
    }

    public StampedEvent(long key, long timestamp, long created) {
        this.key = key;
        this.timestamp = timestamp;
        this.created = created;
    }
}
