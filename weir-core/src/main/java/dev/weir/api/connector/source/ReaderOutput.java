package dev.weir.api.connector.source;

/**
 * Where a {@link SourceReader} emits elements; the runtime applies the watermark strategy to each. A reader of
 * several splits emits through {@link #createOutputForSplit} to get per-split watermarks.
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
    /** Emits an element without a timestamp of its own (the timestamp assigner may give it one). */
    @Override
    void collect(T record);

    /** Emits an element with the timestamp the external system gave it (e.g. a Kafka record's). */
    @Override
    void collect(T record, long timestamp);

    /** Marks this reader idle, so that it does not hold back the watermark downstream. */
    @Override
    void markIdle();

    /**
     * The output of one split, with a watermark generator of its own; calling it again with the same id returns the
     * same output. Once a reader has created split outputs, the source's watermark is the minimum over them (idle
     * ones excluded) and elements should go through split outputs only. The default, for runtimes without per-split
     * watermarks, returns this output.
     */
    default SourceOutput<T> createOutputForSplit(String splitId) {
        return this;
    }

    /** Forgets a split's output (its split is finished or was taken away), so it no longer holds back the watermark. */
    default void releaseOutputForSplit(String splitId) {
    }
}
