package dev.weir.api.connector.source.util.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A rate limiter that hands out permits on a fixed schedule and keeps at most one second of unused credit, so that a
 * reader polled late catches up by a bounded burst rather than flooding downstream. The engine of
 * {@link GuavaRateLimiter}.
 */
class TokenBucketRateLimiter implements RateLimiter.Batched {
    static final CompletableFuture<Void> READY = CompletableFuture.completedFuture(null);
    private static final double BURST_NANOS = 1_000_000_000d;

    private final double intervalNanos;
    private final double burstNanos;
    private boolean started;
    private long originNanos;
    // Relative to originNanos, so that doubles stay exact: nanoTime's absolute value can exceed 2^53.
    private double nextFreeNanos;

    TokenBucketRateLimiter(double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("The rate must be positive, was " + permitsPerSecond + " permits per second");
        }
        this.intervalNanos = 1_000_000_000d / permitsPerSecond;
        this.burstNanos = Math.max(BURST_NANOS, intervalNanos);
    }

    @Override
    public int tryAcquire(long nowNanos, int max) {
        final double now = sinceOrigin(nowNanos);
        if (now < nextFreeNanos || max <= 0) {
            return 0;
        }
        final long due = 1 + (long) ((now - nextFreeNanos) / intervalNanos);
        final int granted = (int) Math.min(max, due);
        nextFreeNanos += granted * intervalNanos;
        return granted;
    }

    /** Reserves the next permit and says how many nanoseconds after {@code nowNanos} it is due (0: now). */
    long reserve(long nowNanos) {
        final double now = sinceOrigin(nowNanos);
        final double wait = Math.max(0, nextFreeNanos - now);
        nextFreeNanos = Math.max(nextFreeNanos, now) + intervalNanos;
        return (long) Math.ceil(wait);
    }

    private double sinceOrigin(long nowNanos) {
        if (!started) {
            started = true;
            originNanos = nowNanos;
        }
        final double now = nowNanos - originNanos;
        final double oldestCredit = now - burstNanos;
        if (nextFreeNanos < oldestCredit) {
            nextFreeNanos = oldestCredit;
        }
        return now;
    }

    /** A stage completed when the reserved permit is due: at once, or on the JDK's shared delay scheduler. */
    @Override
    public CompletionStage<Void> acquire() {
        long wait = reserve(System.nanoTime());
        if (wait == 0) {
            return READY;
        }
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS));
    }
}
