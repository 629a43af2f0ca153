package dev.weir.streaming.runtime.operators.windowing;

/** An element of a window with its timestamp, as evictors see it; {@link #hasTimestamp()} is false for none. */
public final class TimestampedValue<T> {
    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = 0;
        this.hasTimestamp = false;
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    @Override
    public String toString() {
        return hasTimestamp ? value + "@" + timestamp : String.valueOf(value);
    }
}
