package dev.weir.api.common.accumulators;

import java.io.Serializable;

/**
 * A value that each subtask adds to locally and that the job merges at the end, reported in
 * {@code JobExecutionResult#getAccumulatorResult(String)}.
 */
public interface Accumulator<V, R extends Serializable> extends Serializable, Cloneable {
    void add(V value);

    R getLocalValue();

    void resetLocal();

    /** Adds another subtask's accumulator of the same kind into this one. */
    void merge(Accumulator<V, R> other);

    Accumulator<V, R> clone();
}
