package dev.weir.api.connector.source.util.ratelimit;

import dev.weir.connector.datagen.source.DataGeneratorSource;

import java.io.Serializable;

/** Creates the {@link RateLimiter} of each parallel reader of a source, as in Flink's {@code DataGeneratorSource}. */
@FunctionalInterface
public interface RateLimiterStrategy extends Serializable {
    /** The limiter of one of {@code parallelism} readers. */
    RateLimiter createRateLimiter(int parallelism);

    /** At most {@code recordsPerSecond} records per second for the whole source; each of n readers gets 1/n of it. */
    static RateLimiterStrategy perSecond(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("RateLimiterStrategy.perSecond(" + recordsPerSecond
                    + "): the rate must be a positive finite number of records per second; use noOp() for no limit");
        }
        return parallelism -> new TokenBucketRateLimiter(recordsPerSecond / parallelism);
    }

    /** No limit: every reader emits as fast as it is polled. */
    static RateLimiterStrategy noOp() {
        return parallelism -> (nowNanos, max) -> max;
    }
}
