package dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies;

import dev.weir.configuration.MemorySize;
import dev.weir.streaming.api.functions.sink.filesystem.PartFileInfo;
import dev.weir.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * Rolls a part file when it has grown past a size, has been open for a time, or has had no writes for a time, as
 * Flink's {@code DefaultRollingPolicy} (defaults: 128 MB, 60 s, 60 s). A part file larger than the size rolls before
 * the next element and on a checkpoint; the time limits are checked every bucket-check interval of the sink (60 s by
 * default, {@code FileSink...withBucketCheckInterval}). A part that rolls on no checkpoint stays in progress across
 * checkpoints: it is resumed after a restore at the length the checkpoint recorded.
 *
 * <pre>{@code
 * DefaultRollingPolicy.builder()
 *     .withRolloverInterval(Duration.ofMinutes(15))
 *     .withInactivityInterval(Duration.ofMinutes(5))
 *     .withMaxPartSize(MemorySize.ofMebiBytes(1024))
 *     .build()
 * }</pre>
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;

    private static final long DEFAULT_INACTIVITY_INTERVAL = 60L * 1000L;
    private static final long DEFAULT_ROLLOVER_INTERVAL = 60L * 1000L;
    private static final long DEFAULT_MAX_PART_SIZE = 1024L * 1024L * 128L;

    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    /** True when the part is larger than the maximum part size. */
    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException {
        return partFileState.getSize() > partSize;
    }

    /** True when the part is larger than the maximum part size. */
    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException {
        return partFileState.getSize() > partSize;
    }

    /** True when the part has been open for the rollover interval or unwritten for the inactivity interval. */
    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return currentTime - partFileState.getCreationTime() >= rolloverInterval
                || currentTime - partFileState.getLastUpdateTime() >= inactivityInterval;
    }

    /** The maximum part size in bytes. */
    public long getMaxPartSize() {
        return partSize;
    }

    /** The rollover interval in milliseconds. */
    public long getRolloverInterval() {
        return rolloverInterval;
    }

    /** The inactivity interval in milliseconds. */
    public long getInactivityInterval() {
        return inactivityInterval;
    }

    /** Starts a policy with the defaults: 128 MB, a 60 s rollover interval, a 60 s inactivity interval. */
    public static PolicyBuilder builder() {
        return new PolicyBuilder(DEFAULT_MAX_PART_SIZE, DEFAULT_ROLLOVER_INTERVAL, DEFAULT_INACTIVITY_INTERVAL);
    }

    /** The same as {@link #builder()}; Flink's older name. */
    @Deprecated
    public static PolicyBuilder create() {
        return builder();
    }

    @Override
    public String toString() {
        return "DefaultRollingPolicy{maxPartSize=" + partSize + ", rolloverInterval=" + rolloverInterval
                + ", inactivityInterval=" + inactivityInterval + '}';
    }

    /** Builds a {@link DefaultRollingPolicy}; each setting must be positive. */
    public static final class PolicyBuilder {
        private final long partSize;
        private final long rolloverInterval;
        private final long inactivityInterval;

        private PolicyBuilder(long partSize, long rolloverInterval, long inactivityInterval) {
            this.partSize = partSize;
            this.rolloverInterval = rolloverInterval;
            this.inactivityInterval = inactivityInterval;
        }

        /** The size past which a part rolls. */
        public PolicyBuilder withMaxPartSize(MemorySize size) {
            if (size == null) {
                throw new IllegalArgumentException("DefaultRollingPolicy: the maximum part size must not be null");
            }
            return withMaxPartSize(size.getBytes());
        }

        /** The size in bytes past which a part rolls. */
        public PolicyBuilder withMaxPartSize(long size) {
            checkPositive(size, "maximum part size", "bytes");
            return new PolicyBuilder(size, rolloverInterval, inactivityInterval);
        }

        /** How long a part may go without writes before it rolls, in milliseconds. */
        public PolicyBuilder withInactivityInterval(long interval) {
            checkPositive(interval, "inactivity interval", "ms");
            return new PolicyBuilder(partSize, rolloverInterval, interval);
        }

        /** How long a part may go without writes before it rolls. */
        public PolicyBuilder withInactivityInterval(Duration interval) {
            return withInactivityInterval(millis(interval, "inactivity interval"));
        }

        /** How long a part may stay open before it rolls, in milliseconds. */
        public PolicyBuilder withRolloverInterval(long interval) {
            checkPositive(interval, "rollover interval", "ms");
            return new PolicyBuilder(partSize, interval, inactivityInterval);
        }

        /** How long a part may stay open before it rolls. */
        public PolicyBuilder withRolloverInterval(Duration interval) {
            return withRolloverInterval(millis(interval, "rollover interval"));
        }

        /** The policy. */
        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval, inactivityInterval);
        }

        private static long millis(Duration interval, String what) {
            if (interval == null) {
                throw new IllegalArgumentException("DefaultRollingPolicy: the " + what + " must not be null");
            }
            return interval.toMillis();
        }

        private static void checkPositive(long value, String what, String unit) {
            if (value <= 0) {
                throw new IllegalStateException("DefaultRollingPolicy: the " + what + " must be positive, was " + value + " " + unit);
            }
        }
    }
}
