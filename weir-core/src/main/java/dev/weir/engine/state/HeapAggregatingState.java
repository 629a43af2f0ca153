package dev.weir.engine.state;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.AggregatingState;

/** An {@link AggregatingState} on the heap without a time to live; stores the accumulator. */
final class HeapAggregatingState<N, IN, ACC, OUT> extends AbstractHeapState<N> implements AggregatingState<IN, OUT> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    HeapAggregatingState(StateTable table, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        super(table);
        this.aggregateFunction = aggregateFunction;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OUT get() {
        Object accumulator = table.get(currentNamespace);
        return accumulator == null ? null : aggregateFunction.getResult((ACC) accumulator);
    }

    /** Adds {@code value} to the accumulator, creating it first; null clears, as Flink's heap state does. */
    @Override
    @SuppressWarnings("unchecked")
    public void add(IN value) {
        if (value == null) {
            clear();
            return;
        }
        ACC accumulator = (ACC) table.get(currentNamespace);
        if (accumulator == null) {
            accumulator = aggregateFunction.createAccumulator();
        }
        table.put(currentNamespace, aggregateFunction.add(value, accumulator));
    }
}
