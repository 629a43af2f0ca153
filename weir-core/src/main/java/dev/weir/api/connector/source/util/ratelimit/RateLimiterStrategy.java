package dev.weir.api.connector.source.util.ratelimit;

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
        return parallelism -> new GuavaRateLimiter(recordsPerSecond / parallelism);
    }

    /**
     * At most {@code recordsPerCheckpoint} records per checkpoint for the whole source, as in Flink: each of n readers
     * gets {@code recordsPerCheckpoint / n} (rounded down), and fails to start when that is 0.
     */
    static RateLimiterStrategy perCheckpoint(int recordsPerCheckpoint) {
        return parallelism -> {
            int perSubtask = recordsPerCheckpoint / parallelism;
            if (perSubtask <= 0) {
                throw new IllegalArgumentException("RateLimiterStrategy.perCheckpoint(" + recordsPerCheckpoint + "): with "
                        + parallelism + " readers each would get no record per checkpoint; give at least one record per reader");
            }
            return new GatedRateLimiter(perSubtask);
        };
    }

    /** No limit: every reader emits as fast as it is polled. */
    static RateLimiterStrategy noOp() {
        // A class, not a lambda: most jobs reach this while starting, and a lambda's first link costs milliseconds.
        return new RateLimiterStrategy() {
            private static final long serialVersionUID = 1L;

            @Override
            public RateLimiter createRateLimiter(int parallelism) {
                return new NoOpRateLimiter();
            }
        };
    }
}
