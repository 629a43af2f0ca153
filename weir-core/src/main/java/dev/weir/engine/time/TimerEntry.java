package dev.weir.engine.time;

/**
 * A registered timer: equal to another when key, namespace and timestamp are equal (the dedup rule), ordered in its
 * heap by timestamp then registration sequence. Fields are mutable only so a queue can reuse one lookup probe.
 */
final class TimerEntry<N> implements InternalTimer<N> {
    long timestamp;
    Object key;
    N namespace;
    long sequence;
    /** Position in the owning heap, for O(log n) delete; -1 when not in a heap. */
    int heapIndex = -1;

    TimerEntry() {
    }

    TimerEntry(Object key, N namespace, long timestamp, long sequence) {
        this.key = key;
        this.namespace = namespace;
        this.timestamp = timestamp;
        this.sequence = sequence;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public Object getKey() {
        return key;
    }

    @Override
    public N getNamespace() {
        return namespace;
    }

    boolean firesBefore(TimerEntry<?> other) {
        return timestamp < other.timestamp || (timestamp == other.timestamp && sequence < other.sequence);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TimerEntry)) {
            return false;
        }
        TimerEntry<?> other = (TimerEntry<?>) o;
        return timestamp == other.timestamp && key.equals(other.key) && namespace.equals(other.namespace);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * key.hashCode() + namespace.hashCode()) + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Timer{timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + "}";
    }
}
