package dev.weir.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.weir.core.io.SimpleVersionedSerializer;
import dev.weir.streaming.api.functions.sink.filesystem.BucketAssigner;

/** Writes every element straight into the sink's base path (the empty bucket id), as Flink's. */
public class BasePathBucketAssigner<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;

    /** The assigner. */
    public BasePathBucketAssigner() {
    }

    @Override
    public String getBucketId(T element, BucketAssigner.Context context) {
        return "";
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "BasePathBucketAssigner";
    }
}
