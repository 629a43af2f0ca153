package dev.weir.bench;

/**
 * One generated event, shared by both engines: a public-field POJO so Flink's {@code PojoSerializer} handles it and
 * Weir passes it by reference.
 */
public class Event {
    public long key;
    public long timestamp;
    public int value;

    /** For Flink's POJO rules. */
    public Event() {
    }

    public Event(long key, long timestamp, int value) {
        this.key = key;
        this.timestamp = timestamp;
        this.value = value;
    }

    @Override
    public String toString() {
        return "Event{key=" + key + ", timestamp=" + timestamp + ", value=" + value + '}';
    }
}
