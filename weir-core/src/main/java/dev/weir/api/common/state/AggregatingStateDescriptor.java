package dev.weir.api.common.state;

import dev.weir.api.common.functions.AggregateFunction;
import java.util.Objects;

/** Describes an {@link AggregatingState} and the aggregate function that maintains its accumulator. */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accClass) {
        this(name, aggregateFunction, (Object) accClass);
    }

    /** Type information or a type hint, accepted for Flink compatibility. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Object accTypeInfo) {
        super(name);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
