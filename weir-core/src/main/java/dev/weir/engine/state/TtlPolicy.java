package dev.weir.engine.state;

import dev.weir.api.common.state.StateTtlConfig;
import java.util.function.LongSupplier;

/** The expiry rules of one state with a time to live: the clock, the TTL, and which accesses refresh it. */
final class TtlPolicy {
    private final LongSupplier clock;
    private final long ttlMillis;
    private final boolean refreshOnRead;
    private final boolean returnExpired;

    TtlPolicy(StateTtlConfig config, LongSupplier clock) {
        this.clock = clock;
        this.ttlMillis = config.getTimeToLive().toMillis();
        this.refreshOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    long now() {
        return clock.getAsLong();
    }

    /** Expired once {@code now >= lastAccess + ttl}; saturates so a huge TTL never wraps into the past. */
    boolean isExpired(TtlValue value, long now) {
        long expiry = value.getLastAccessTimestamp() + ttlMillis;
        if (expiry < value.getLastAccessTimestamp()) {
            expiry = Long.MAX_VALUE;
        }
        return now >= expiry;
    }

    boolean refreshOnRead() {
        return refreshOnRead;
    }

    /** Whether an expired value found on access is returned (once, as it is removed) instead of hidden. */
    boolean returnExpired() {
        return returnExpired;
    }

    TtlValue wrap(Object userValue, long now) {
        return new TtlValue(userValue, now);
    }
}
