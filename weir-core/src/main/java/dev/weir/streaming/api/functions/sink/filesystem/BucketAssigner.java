package dev.weir.streaming.api.functions.sink.filesystem;

import dev.weir.core.io.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * Chooses the bucket (the sub-directory of the sink's base path) each element is written to, as Flink's
 * {@code BucketAssigner}: the directory is {@code basePath/bucketId.toString()}, or the base path itself for an empty
 * id. Called for every element on the writer's thread.
 *
 * <pre>{@code
 * FileSink.forRowFormat(new Path("/out"), new SimpleStringEncoder<Event>())
 *     .withBucketAssigner(new BucketAssigner<Event, String>() {
 *         public String getBucketId(Event e, Context context) { return "user=" + e.user; }
 *         public SimpleVersionedSerializer<String> getSerializer() { return SimpleVersionedStringSerializer.INSTANCE; }
 *     })
 * }</pre>
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {
    /** The bucket of {@code element}. */
    BucketID getBucketId(IN element, Context context);

    /**
     * The serializer of bucket ids. Weir keeps bucket ids in its checkpoints as their {@code toString()} and never
     * calls this, so, unlike Flink, an assigner need not implement it; the default returns null.
     */
    default SimpleVersionedSerializer<BucketID> getSerializer() {
        return null;
    }

    /** What an assigner knows about the element: the times of the writer and the element's timestamp. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's timestamp, or null when it has none. */
        Long timestamp();
    }
}
