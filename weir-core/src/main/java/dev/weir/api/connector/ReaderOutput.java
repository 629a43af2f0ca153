package dev.weir.api.connector;

/** Where a {@link SourceReader} emits elements; the runtime applies the watermark strategy to each. */
public interface ReaderOutput<T> {
    /** Emits an element without a timestamp of its own (the timestamp assigner may give it one). */
    void collect(T record);

    /** Emits an element with the timestamp the external system gave it (e.g. a Kafka record's). */
    void collect(T record, long timestamp);

    /** Marks this reader idle, so that it does not hold back the watermark downstream. */
    void markIdle();
}
