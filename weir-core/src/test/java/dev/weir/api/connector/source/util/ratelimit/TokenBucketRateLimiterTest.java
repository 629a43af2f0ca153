package dev.weir.api.connector.source.util.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {
    private static final long MILLI = 1_000_000L;

    @Test
    void aReaderPolledLateCatchesUpByAtMostOneSecondOfRecords() {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1000);

        assertThat(limiter.tryAcquire(0, 5000)).isEqualTo(1);
        assertThat(limiter.tryAcquire(10_000 * MILLI, 5000)).isEqualTo(1001);
        assertThat(limiter.tryAcquire(10_000 * MILLI, 5000)).isZero();
        assertThat(limiter.tryAcquire(10_002 * MILLI, 1)).isEqualTo(1);
        assertThat(limiter.tryAcquire(10_002 * MILLI, 5)).isEqualTo(1);
    }

    @Test
    void theLimiterNeverGrantsMoreThanAsked() {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1_000_000);
        limiter.tryAcquire(0, 1);

        assertThat(limiter.tryAcquire(500 * MILLI, 1024)).isEqualTo(1024);
    }
}
