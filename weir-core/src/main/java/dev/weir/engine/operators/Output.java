package dev.weir.engine.operators;

import dev.weir.util.OutputTag;

/**
 * Where an operator emits. Inside a chain this is a direct call into the next operator; at the end of a chain it
 * writes to the exchange. Called by the task's thread only.
 */
public interface Output {
    /** The timestamp of an element that has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    void collect(Object value, long timestamp);

    /** Emits to a side output; elements for a tag nobody reads are dropped, as in Flink. */
    void collect(OutputTag<?> tag, Object value, long timestamp);

    void emitWatermark(long watermark);

    /** Tells downstream that this output stopped (true) or resumed (false) producing watermarks. */
    void emitIdleness(boolean idle);
}
