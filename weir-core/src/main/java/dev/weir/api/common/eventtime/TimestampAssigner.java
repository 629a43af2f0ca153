package dev.weir.api.common.eventtime;

/** Extracts an event's timestamp in milliseconds since the epoch. */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /** The value of {@code recordTimestamp} when the element has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    long extractTimestamp(T element, long recordTimestamp);
}
