package dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies;

import dev.weir.streaming.api.functions.sink.filesystem.PartFileInfo;

/** Rolls part files on every checkpoint and only then, as Flink's {@code OnCheckpointRollingPolicy}. */
public final class OnCheckpointRollingPolicy<IN, BucketID> extends CheckpointRollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;

    private OnCheckpointRollingPolicy() {
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) {
        return false;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return false;
    }

    /** The policy. */
    public static <IN, BucketID> OnCheckpointRollingPolicy<IN, BucketID> build() {
        return new OnCheckpointRollingPolicy<>();
    }

    @Override
    public String toString() {
        return "OnCheckpointRollingPolicy";
    }
}
