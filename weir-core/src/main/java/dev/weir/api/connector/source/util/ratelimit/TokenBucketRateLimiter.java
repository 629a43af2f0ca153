package dev.weir.api.connector.source.util.ratelimit;

/**
 * A rate limiter that hands out permits on a fixed schedule and keeps at most one second of unused credit, so that a
 * reader polled late catches up by a bounded burst rather than flooding downstream.
 */
final class TokenBucketRateLimiter implements RateLimiter {
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
    public int acquire(long nowNanos, int max) {
        if (!started) {
            started = true;
            originNanos = nowNanos;
        }
        final double now = nowNanos - originNanos;
        if (now < nextFreeNanos || max <= 0) {
            return 0;
        }
        final double oldestCredit = now - burstNanos;
        if (nextFreeNanos < oldestCredit) {
            nextFreeNanos = oldestCredit;
        }
        final long due = 1 + (long) ((now - nextFreeNanos) / intervalNanos);
        final int granted = (int) Math.min(max, due);
        nextFreeNanos += granted * intervalNanos;
        return granted;
    }
}
