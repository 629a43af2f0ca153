package dev.weir.api.connector.source;

/**
 * Where a {@link SourceReader} emits the elements of one split (e.g. one Kafka partition), as in Flink. The runtime
 * gives each split output its own watermark generator and combines them: the source's watermark is the minimum over
 * the split outputs that are not idle, so a slow split holds it back and an idle one does not.
 */
public interface SourceOutput<T> {
    /** Emits an element without a timestamp of its own (the timestamp assigner may give it one). */
    void collect(T record);

    /** Emits an element with the timestamp the external system gave it (e.g. a Kafka record's). */
    void collect(T record, long timestamp);

    /** Marks this output idle, so that it does not hold back the watermark downstream. */
    void markIdle();
}
