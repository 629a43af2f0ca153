package dev.weir.engine.time;

/**
 * The timer firing now, as its target sees it: one reused instance per queue, filled before each call, because the
 * queue keeps its timers in primitive arrays. Valid only during the call; a target that needs a timer later copies
 * its fields.
 */
final class TimerEntry<N> implements InternalTimer<N> {
    private long timestamp;
    private Object key;
    private N namespace;
    private int keyGroup;

    void set(Object key, N namespace, int keyGroup, long timestamp) {
        this.key = key;
        this.namespace = namespace;
        this.keyGroup = keyGroup;
        this.timestamp = timestamp;
    }

    /** The key group of the key, as known when the timer was registered; -1 when it was not. */
    int keyGroup() {
        return keyGroup;
    }

    /** Drops the references once the timer has fired, so a fired key is not kept alive by the view. */
    void clear() {
        key = null;
        namespace = null;
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

    @Override
    public String toString() {
        return "Timer{timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + "}";
    }
}
