package dev.weir.api.common.time;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Flink's general-purpose time interval ({@code org.apache.flink.api.common.time.Time}), deprecated in Flink 1.19 in
 * favour of {@link Duration} but still what 1.x jobs pass to {@code StateTtlConfig.newBuilder(Time.hours(1))} and to
 * restart strategies. It is not the windowing {@code dev.weir.streaming.api.windowing.time.Time}: Flink has both,
 * so Weir does too. A size and its unit, compared by their length in milliseconds, as in Flink.
 */
public final class Time implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TimeUnit unit;
    private final long size;

    private Time(long size, TimeUnit unit) {
        this.unit = Objects.requireNonNull(unit, "time unit may not be null");
        this.size = size;
    }

    public static Time of(long size, TimeUnit unit) {
        return new Time(size, unit);
    }

    public static Time milliseconds(long milliseconds) {
        return of(milliseconds, TimeUnit.MILLISECONDS);
    }

    public static Time seconds(long seconds) {
        return of(seconds, TimeUnit.SECONDS);
    }

    public static Time minutes(long minutes) {
        return of(minutes, TimeUnit.MINUTES);
    }

    public static Time hours(long hours) {
        return of(hours, TimeUnit.HOURS);
    }

    public static Time days(long days) {
        return of(days, TimeUnit.DAYS);
    }

    /** The interval of {@code duration}, in milliseconds (Flink's conversion; finer parts are dropped). */
    public static Time fromDuration(Duration duration) {
        return milliseconds(duration.toMillis());
    }

    /** The {@link Duration} of {@code time}, or null for null, as Flink's static helper. */
    public static Duration toDuration(Time time) {
        return time == null ? null : time.toDuration();
    }

    public TimeUnit getUnit() {
        return unit;
    }

    public long getSize() {
        return size;
    }

    public long toMilliseconds() {
        return unit.toMillis(size);
    }

    public long toSeconds() {
        return unit.toSeconds(size);
    }

    public Duration toDuration() {
        return Duration.ofMillis(toMilliseconds());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Time time && time.toMilliseconds() == toMilliseconds();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(toMilliseconds());
    }

    @Override
    public String toString() {
        return toMilliseconds() + " ms";
    }
}
