package dev.weir.api.connector.source.util.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A number of permits per checkpoint, as Flink's {@code GatedRateLimiter}: once they are used, the gate stays closed
 * until the next checkpoint completes. A source paced by it emits nothing more without checkpointing.
 */
public class GatedRateLimiter implements RateLimiter.Batched {
    private final int capacityPerCycle;
    private int capacityLeft;
    private CompletableFuture<Void> gate;

    /** A limiter of {@code capacityPerCycle} permits per checkpoint; fails unless it is positive. */
    public GatedRateLimiter(int capacityPerCycle) {
        if (capacityPerCycle <= 0) {
            throw new IllegalArgumentException("GatedRateLimiter: the capacity per checkpoint must be positive, was " + capacityPerCycle);
        }
        this.capacityPerCycle = capacityPerCycle;
        this.capacityLeft = capacityPerCycle;
    }

    @Override
    public CompletionStage<Void> acquire() {
        if (capacityLeft > 0) {
            capacityLeft--;
            return TokenBucketRateLimiter.READY;
        }
        if (gate == null) {
            gate = new CompletableFuture<>();
        }
        return gate.thenRun(() -> capacityLeft--);
    }

    @Override
    public int tryAcquire(long nowNanos, int max) {
        int granted = Math.min(max, capacityLeft);
        capacityLeft -= granted;
        return granted;
    }

    /** Opens the gate: a new cycle of permits. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        capacityLeft = capacityPerCycle;
        CompletableFuture<Void> waiting = gate;
        gate = null;
        if (waiting != null) {
            waiting.complete(null);
        }
    }
}
