package dev.weir.api.connector.source.util.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Flink's rate limiter shapes: permits as completion stages, per second, per checkpoint, or none. */
class RateLimiterShapesTest {
    private static boolean done(CompletionStage<Void> stage) {
        return stage.toCompletableFuture().isDone();
    }

    @Test
    void aGatedLimiterGrantsItsCapacityThenWaitsForTheNextCompletedCheckpoint() {
        GatedRateLimiter limiter = new GatedRateLimiter(2);
        assertThat(done(limiter.acquire())).isTrue();
        assertThat(done(limiter.acquire())).isTrue();
        CompletionStage<Void> third = limiter.acquire();
        assertThat(done(third)).as("the cycle's two permits are used").isFalse();
        assertThat(limiter.tryAcquire(0, 5)).isZero();

        limiter.notifyCheckpointComplete(1);
        assertThat(done(third)).isTrue();
        assertThat(limiter.tryAcquire(0, 5)).as("the waiting permit took one of the new cycle's two").isEqualTo(1);
        assertThatThrownBy(() -> new GatedRateLimiter(0))
                .hasMessage("GatedRateLimiter: the capacity per checkpoint must be positive, was 0");
    }

    @Test
    void perCheckpointSharesTheBudgetAmongTheReadersAndRefusesAShareOfNothing() {
        RateLimiter limiter = RateLimiterStrategy.perCheckpoint(10).createRateLimiter(3);
        assertThat(limiter).isInstanceOf(GatedRateLimiter.class);
        assertThat(((GatedRateLimiter) limiter).tryAcquire(0, 100)).isEqualTo(3);
        assertThatThrownBy(() -> RateLimiterStrategy.perCheckpoint(2).createRateLimiter(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RateLimiterStrategy.perCheckpoint(2): with 3 readers each would get no record per checkpoint; "
                        + "give at least one record per reader");
    }

    @Test
    void aPerSecondLimiterIsAGuavaRateLimiterWhosePermitsAreReservedOnASchedule() {
        RateLimiter limiter = RateLimiterStrategy.perSecond(20).createRateLimiter(2);
        assertThat(limiter).isInstanceOf(GuavaRateLimiter.class);
        GuavaRateLimiter tenPerSecond = (GuavaRateLimiter) limiter;
        assertThat(tenPerSecond.reserve(0)).isZero();
        assertThat(tenPerSecond.reserve(0)).isEqualTo(100_000_000L);
        assertThat(tenPerSecond.reserve(50_000_000L)).isEqualTo(150_000_000L);
        assertThat(done(new GuavaRateLimiter(1000).acquire())).as("the first permit is due at once").isTrue();
    }

    @Test
    void noOpGrantsEverythingAtOnce() {
        RateLimiter limiter = RateLimiterStrategy.noOp().createRateLimiter(4);
        assertThat(limiter).isInstanceOf(NoOpRateLimiter.class);
        assertThat(done(limiter.acquire())).isTrue();
        assertThat(((NoOpRateLimiter) limiter).tryAcquire(0, 1024)).isEqualTo(1024);
    }
}
