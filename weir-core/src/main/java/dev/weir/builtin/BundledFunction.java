package dev.weir.builtin;

import dev.weir.api.common.functions.FlatMapFunction;

/**
 * A {@code flatMap} function that processes records in bundles, as PyFlink's Python operators do (Weir-only): Weir's
 * runtime hands it each record with its timestamp and has it finish the bundle, emitting the outputs of every record
 * taken, before each watermark and checkpoint barrier passes the operator, at the end of input, and at the latest
 * {@link #maxBundleTimeMillis()} after the bundle's first record. So event time and exactly-once hold as if each
 * record had been processed alone. Where a runtime does not know bundles, {@link #flatMap} processes one record.
 */
public interface BundledFunction<IN, OUT> extends FlatMapFunction<IN, OUT> {
    /** Takes one record ({@code timestamp} is {@code Long.MIN_VALUE} when it has none); may finish a full bundle. */
    void addToBundle(IN value, long timestamp, BundleOutput<OUT> out) throws Exception;

    /** Emits the outputs of every record taken since the last bundle finished, each with its record's timestamp. */
    void finishBundle(BundleOutput<OUT> out) throws Exception;

    /** Whether records were taken since the last bundle finished. */
    boolean hasBundle();

    /** How long a bundle's first record may wait for its outputs (PyFlink's {@code python.fn-execution.bundle.time}). */
    long maxBundleTimeMillis();

    /** Where a bundle's outputs go: each with the timestamp of the record it came from. */
    interface BundleOutput<T> {
        void collect(T value, long timestamp);
    }
}
