package dev.weir.api.connector.source.util.ratelimit;

import java.util.concurrent.CompletionStage;

/** No limit: every permit is granted at once, as Flink's {@code NoOpRateLimiter}. */
public class NoOpRateLimiter implements RateLimiter.Batched {
    /** The limiter. */
    public NoOpRateLimiter() {
    }

    @Override
    public CompletionStage<Void> acquire() {
        return TokenBucketRateLimiter.READY;
    }

    @Override
    public int tryAcquire(long nowNanos, int max) {
        return max;
    }
}
