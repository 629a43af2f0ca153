package dev.weir.api.connector.source.util.ratelimit;

/**
 * At most a number of permits per second, as Flink's {@code GuavaRateLimiter} (which wraps Guava's): permits come on a
 * fixed schedule and at most one second of unused credit is kept, so a reader polled late catches up by a bounded
 * burst. Weir implements it itself (no Guava), without blocking.
 */
public class GuavaRateLimiter extends TokenBucketRateLimiter {
    /** A limiter of {@code maxPerSecond} permits per second; fails for a rate that is not positive. */
    public GuavaRateLimiter(double maxPerSecond) {
        super(maxPerSecond);
    }
}
