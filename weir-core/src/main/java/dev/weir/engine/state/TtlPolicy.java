package dev.weir.engine.state;

import dev.weir.api.common.state.StateTtlConfig;
import java.util.function.LongSupplier;

/**
 * The expiry rules of one state with a time to live: the clock, the TTL, and which accesses refresh it. Shared by
 * every backend's TTL states, so expiry means the same on each.
 */
public final class TtlPolicy {
    private final LongSupplier clock;
    private final long ttlMillis;
    private final boolean refreshOnRead;
    private final boolean returnExpired;

    public TtlPolicy(StateTtlConfig config, LongSupplier clock) {
        this.clock = clock;
        this.ttlMillis = config.getTimeToLive().toMillis();
        this.refreshOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** Expired once {@code now >= lastAccess + ttl}; saturates so a huge TTL never wraps into the past. */
    public boolean isExpired(TtlValue value, long now) {
        long expiry = value.getLastAccessTimestamp() + ttlMillis;
        if (expiry < value.getLastAccessTimestamp()) {
            expiry = Long.MAX_VALUE;
        }
        return now >= expiry;
    }

    public boolean refreshOnRead() {
        return refreshOnRead;
    }

    /** Whether an expired value found on access is returned (once, as it is removed) instead of hidden. */
    public boolean returnExpired() {
        return returnExpired;
    }

    public TtlValue wrap(Object userValue, long now) {
        return new TtlValue(userValue, now);
    }
}
