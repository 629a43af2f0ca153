package dev.weir.builtin;

import dev.weir.api.common.functions.ReduceFunction;
import java.util.List;

/**
 * A keyed {@code reduce} function that reduces records in bundles, as PyFlink's Python operators do (Weir-only): the
 * runtime collects a bundle of records of many keys, reads each key's reduced value from its keyed state, has the
 * function reduce the whole bundle in one call, writes each key's last value back to its state and emits the running
 * values in the records' order. A bundle is finished before each watermark and checkpoint barrier passes the
 * operator, at the end of input, and at the latest {@link #maxBundleTimeMillis()} after its first record, so the
 * outputs and the state are those of a reduce that takes one record at a time. Where a runtime does not know
 * bundles (or in BATCH mode), {@link #reduce} combines two values.
 */
public interface BundledReduceFunction<T> extends ReduceFunction<T> {
    /** How many records a bundle holds at most (PyFlink's {@code python.fn-execution.bundle.size}). */
    int maxBundleSize();

    /** How long a bundle's first record may wait for its output (PyFlink's {@code python.fn-execution.bundle.time}). */
    long maxBundleTimeMillis();

    /**
     * Reduces one bundle in order. Record {@code i} is {@code values.get(i)} of the key numbered {@code keys[i]}: keys
     * are numbered from 0 in the order of their first record in the bundle, and {@code before.get(k)} is key
     * {@code k}'s reduced value before the bundle, or null where the key has none yet (its first record is then its
     * value). Returns, for every record, its key's reduced value after it: what a one-at-a-time reduce emits. The
     * returned list may be reused by the next call.
     */
    List<T> reduceBundle(List<T> values, int[] keys, List<T> before) throws Exception;
}
