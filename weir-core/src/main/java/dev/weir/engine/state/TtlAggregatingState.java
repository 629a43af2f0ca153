package dev.weir.engine.state;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.AggregatingState;

/** An {@link AggregatingState} whose accumulator expires after the time to live; an expired one starts over. */
final class TtlAggregatingState<N, IN, ACC, OUT> extends AbstractTtlState<N> implements AggregatingState<IN, OUT> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    TtlAggregatingState(StateTable table, TtlPolicy ttl, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        super(table, ttl);
        this.aggregateFunction = aggregateFunction;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OUT get() {
        Object accumulator = readVisible();
        return accumulator == null ? null : aggregateFunction.getResult((ACC) accumulator);
    }

    /** Adds {@code value} to the unexpired accumulator, or to a new one; null clears, as Flink's heap state does. */
    @Override
    @SuppressWarnings("unchecked")
    public void add(IN value) {
        if (value == null) {
            clear();
            return;
        }
        ACC accumulator = (ACC) readUnexpired();
        if (accumulator == null) {
            accumulator = aggregateFunction.createAccumulator();
        }
        write(aggregateFunction.add(value, accumulator));
    }
}
