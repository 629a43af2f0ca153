package dev.weir.builtin;

import dev.weir.streaming.api.TimerService;
import dev.weir.util.OutputTag;
import java.util.List;

/**
 * A {@code KeyedProcessFunction} that also processes its records in bundles, as PyFlink's Python operators do
 * (Weir-only): the runtime collects records of many keys and hands the bundle over in one call, in which the function
 * processes every record in order, switching the current key so that keyed state and timers apply to each record's
 * key. A bundle is finished before each watermark passes the operator (so event-time timers fire after the records
 * before them), before a processing-time timer fires, before a checkpoint barrier, at the end of input, and at the
 * latest {@link #maxBundleTimeMillis()} after its first record: state, timers and outputs are those of a function
 * that takes one record at a time. Timers still fire one at a time, through {@code onTimer}. Where a runtime does
 * not know bundles, {@code processElement} takes one record.
 */
public interface BundledKeyedProcessFunction {
    /** How many records a bundle holds at most (PyFlink's {@code python.fn-execution.bundle.size}). */
    int maxBundleSize();

    /** How long a bundle's first record may wait for its outputs (PyFlink's {@code python.fn-execution.bundle.time}). */
    long maxBundleTimeMillis();

    /** Processes every record of {@code bundle} in order; valid only during the call. */
    void processBundle(KeyedBundle bundle) throws Exception;

    /** The records of one bundle, with their timestamps and keys, and where their outputs go. */
    interface KeyedBundle {
        int size();

        Object value(int index);

        /** The record's timestamp, {@code Long.MIN_VALUE} where it has none. */
        long timestamp(int index);

        /** The number of the record's key: keys are numbered from 0 in the order of their first record. */
        int keyNumber(int index);

        /** The bundle's distinct keys, by number. */
        List<Object> keys();

        /** Makes key {@code keyNumber} the current key: keyed state and {@link #timerService()} then act on it. */
        void setCurrentKey(int keyNumber);

        /** The timers of the current key; the watermark does not move during a bundle. */
        TimerService timerService();

        /** Emits an output of the bundle with the timestamp of the record it came from. */
        void collect(Object value, long timestamp);

        /** Emits to a side output with the timestamp of the record it came from. */
        void output(OutputTag<Object> tag, Object value, long timestamp);
    }
}
