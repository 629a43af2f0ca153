package dev.weir.api.connector.source.util.ratelimit;

import java.util.concurrent.CompletionStage;

/**
 * Paces a source reader, as Flink's {@code RateLimiter}: the reader asks for a permit per record with
 * {@link #acquire()} and emits once the returned stage completes. Weir's readers never block on it: a reader whose
 * permit is not ready returns {@code NOTHING_AVAILABLE} and looks again on its next call. Called by one thread.
 *
 * <p>Weir's own limiters ({@link GuavaRateLimiter}, {@link GatedRateLimiter}, {@link NoOpRateLimiter}) also implement
 * {@link Batched}, which hands out many permits at once without allocating, the form {@code DataGeneratorSource} uses.
 */
public interface RateLimiter {
    /** A stage that completes when the next record may be emitted. */
    CompletionStage<Void> acquire();

    /** Called when a checkpoint completes; {@link GatedRateLimiter} opens its gate for the next cycle. */
    default void notifyCheckpointComplete(long checkpointId) {
    }

    /** Weir's non-blocking, allocation-free form of a rate limiter. */
    interface Batched extends RateLimiter {
        /** How many of up to {@code max} records may be emitted at {@code nowNanos} ({@code System.nanoTime()}); 0 when none. */
        int tryAcquire(long nowNanos, int max);
    }
}
