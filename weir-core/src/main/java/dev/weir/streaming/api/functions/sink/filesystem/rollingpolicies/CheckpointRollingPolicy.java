package dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies;

import dev.weir.streaming.api.functions.sink.filesystem.PartFileInfo;
import dev.weir.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.io.IOException;

/** A rolling policy that rolls on every checkpoint and possibly on events and time, as Flink's. */
public abstract class CheckpointRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;

    /** Always true: every checkpoint closes the part files in progress. */
    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
        return true;
    }

    @Override
    public abstract boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException;

    @Override
    public abstract boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) throws IOException;

    /** The base of builders of checkpoint rolling policies. */
    public abstract static class PolicyBuilder<IN, BucketID, T extends PolicyBuilder<IN, BucketID, T>> {
        @SuppressWarnings("unchecked")
        protected T self() {
            return (T) this;
        }

        public abstract CheckpointRollingPolicy<IN, BucketID> build();
    }
}
