package dev.weir.api;

import dev.weir.api.watermark.Time;
import java.time.Duration;
import java.util.Objects;

/**
 * The first step of an interval join of two keyed streams: {@code left.intervalJoin(right).between(lower, upper)}
 * joins each left element at {@code t} with the right elements of the same key in {@code [t + lower, t + upper]}.
 */
public class IntervalJoin<T1, T2, KEY> {
    private final KeyedStream<T1, KEY> left;
    private final KeyedStream<T2, KEY> right;
    private boolean processingTime;

    IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "interval join with a null stream");
    }

    /** The default: the join works in event time. */
    public IntervalJoin<T1, T2, KEY> inEventTime() {
        processingTime = false;
        return this;
    }

    /** Refused by {@link #between}: interval joins work in event time only, as in Flink. */
    public IntervalJoin<T1, T2, KEY> inProcessingTime() {
        processingTime = true;
        return this;
    }

    public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
        return between(Objects.requireNonNull(lowerBound, "lowerBound").toMillis(), Objects.requireNonNull(upperBound, "upperBound").toMillis());
    }

    public IntervalJoined<T1, T2, KEY> between(Time lowerBound, Time upperBound) {
        return between(Objects.requireNonNull(lowerBound, "lowerBound").toMilliseconds(),
                Objects.requireNonNull(upperBound, "upperBound").toMilliseconds());
    }

    private IntervalJoined<T1, T2, KEY> between(long lower, long upper) {
        if (processingTime) {
            throw new UnsupportedOperationException("Time-bounded stream joins are only supported in event time: remove "
                    + "inProcessingTime() and give both streams timestamps and watermarks");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("An interval join needs lowerBound <= upperBound, but was between(" + lower + " ms, "
                    + upper + " ms)");
        }
        return new IntervalJoined<>(left, right, lower, upper);
    }
}
