package dev.weir.streaming.api.windowing.time;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Flink 1.x's {@code Time} helper for tutorial code ({@code Time.seconds(5)}); everywhere Weir takes one it also
 * takes a {@link Duration}.
 */
public final class Time implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long milliseconds;

    private Time(long milliseconds) {
        this.milliseconds = milliseconds;
    }

    public static Time of(long size, TimeUnit unit) {
        return new Time(unit.toMillis(size));
    }

    public static Time milliseconds(long milliseconds) {
        return new Time(milliseconds);
    }

    public static Time seconds(long seconds) {
        return new Time(TimeUnit.SECONDS.toMillis(seconds));
    }

    public static Time minutes(long minutes) {
        return new Time(TimeUnit.MINUTES.toMillis(minutes));
    }

    public static Time hours(long hours) {
        return new Time(TimeUnit.HOURS.toMillis(hours));
    }

    public static Time days(long days) {
        return new Time(TimeUnit.DAYS.toMillis(days));
    }

    public long toMilliseconds() {
        return milliseconds;
    }

    public Duration toDuration() {
        return Duration.ofMillis(milliseconds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Time && ((Time) o).milliseconds == milliseconds;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(milliseconds);
    }

    @Override
    public String toString() {
        return milliseconds + " ms";
    }
}
