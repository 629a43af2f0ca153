package dev.weir.flink.functions;

import dev.weir.api.common.functions.AggregateFunction;

/** Runs a Weir {@link AggregateFunction} as Flink's (not rich: Flink refuses rich aggregate functions in windows). */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirAggregateFunction implements org.apache.flink.api.common.functions.AggregateFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction weir;

    public WeirAggregateFunction(AggregateFunction<?, ?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public Object createAccumulator() {
        return weir.createAccumulator();
    }

    @Override
    public Object add(Object value, Object accumulator) {
        return weir.add(value, accumulator);
    }

    @Override
    public Object getResult(Object accumulator) {
        return weir.getResult(accumulator);
    }

    @Override
    public Object merge(Object a, Object b) {
        return weir.merge(a, b);
    }
}
