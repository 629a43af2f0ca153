package dev.weir.api.common.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live for keyed state, in processing time as in Flink: a value not refreshed for the TTL is expired
 * and, by default, never returned again.
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The config of state without a TTL. */
    public static final StateTtlConfig DISABLED = new StateTtlConfig(UpdateType.Disabled, StateVisibility.NeverReturnExpired, Duration.ZERO);

    /** Which accesses refresh a value's time to live. */
    public enum UpdateType {
        Disabled, OnCreateAndWrite, OnReadAndWrite
    }

    /** Whether an expired value that has not been cleaned up yet may still be returned. */
    public enum StateVisibility {
        ReturnExpiredIfNotCleanedUp, NeverReturnExpired
    }

    /** Flink's only time characteristic for TTL. */
    public enum TtlTimeCharacteristic {
        ProcessingTime
    }

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final Duration ttl;

    private StateTtlConfig(UpdateType updateType, StateVisibility stateVisibility, Duration ttl) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttl = ttl;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    /**
     * Flink 1.x form, {@code StateTtlConfig.newBuilder(Time.seconds(1))}, with Flink's general
     * {@link dev.weir.api.common.time.Time} (not the windowing one, which Flink's method does not take either).
     */
    public static Builder newBuilder(dev.weir.api.common.time.Time ttl) {
        return new Builder(ttl.toDuration());
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public Duration getTimeToLive() {
        return ttl;
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    @Override
    public String toString() {
        return "StateTtlConfig{updateType=" + updateType + ", visibility=" + stateVisibility + ", ttl=" + ttl + "}";
    }

    /** Builds a {@link StateTtlConfig}; the defaults are Flink's (OnCreateAndWrite, NeverReturnExpired). */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private Duration ttl;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType");
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility visibility) {
            this.stateVisibility = Objects.requireNonNull(visibility, "visibility");
            return this;
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("State TTL must be positive, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** Accepted for Flink compatibility: Weir's heap state checks expiry on every access. */
        public Builder cleanupFullSnapshot() {
            return this;
        }

        /** Accepted for Flink compatibility: Weir's heap state checks expiry on every access. */
        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            return this;
        }

        /**
         * Accepted for Flink compatibility: Weir's RocksDB backend has no compaction filter (Flink's lives in its own
         * RocksDB fork); expired values are removed when read, as on the heap (docs/state-backends.md).
         */
        public Builder cleanupInRocksdbCompactFilter(long queryTimeAfterNumEntries) {
            return this;
        }

        /** Accepted for Flink compatibility, as {@link #cleanupInRocksdbCompactFilter(long)}. */
        public Builder cleanupInRocksdbCompactFilter(long queryTimeAfterNumEntries, Duration periodicCompactionTime) {
            return this;
        }

        /** Accepted for Flink compatibility. */
        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(updateType, stateVisibility, ttl);
        }
    }
}
