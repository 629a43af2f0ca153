package dev.weir.streaming.api.functions.sink.filesystem;

import java.io.IOException;

/** What a {@link RollingPolicy} knows about the part file in progress of a bucket, as Flink's {@code PartFileInfo}. */
public interface PartFileInfo<BucketID> {
    BucketID getBucketId();

    /** The processing time at which the part file was opened. */
    long getCreationTime();

    /** The bytes written to the part file so far. */
    long getSize() throws IOException;

    /** The processing time of the last write to the part file. */
    long getLastUpdateTime();
}
