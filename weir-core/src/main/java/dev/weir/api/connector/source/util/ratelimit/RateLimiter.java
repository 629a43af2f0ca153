package dev.weir.api.connector.source.util.ratelimit;

/**
 * Decides how many records one source reader may emit now. It never blocks or sleeps: a reader that gets no permit
 * returns {@code NOTHING_AVAILABLE} and is called again later. Unlike Flink's, it is given the time, so that it can be
 * tested with a fake clock. Called by one thread.
 */
public interface RateLimiter {
    /** How many of up to {@code max} records may be emitted at {@code nowNanos} ({@code System.nanoTime()}); 0 when ahead of schedule. */
    int acquire(long nowNanos, int max);
}
