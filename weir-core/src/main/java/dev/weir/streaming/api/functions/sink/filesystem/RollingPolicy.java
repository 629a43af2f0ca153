package dev.weir.streaming.api.functions.sink.filesystem;

import java.io.IOException;
import java.io.Serializable;

/**
 * Decides when the part file in progress of a bucket is closed (rolled) and a new one opened, as Flink's
 * {@code RollingPolicy}. A closed part becomes visible under its final name when the next checkpoint completes (or at
 * the end of a bounded job).
 */
public interface RollingPolicy<IN, BucketID> extends Serializable {
    /** Asked on every checkpoint: true closes the part, false keeps writing it after the checkpoint. */
    boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException;

    /** Asked before each element is written: true closes the part and writes the element to a new one. */
    boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException;

    /** Asked every bucket-check interval with the current processing time: true closes the part. */
    boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) throws IOException;
}
