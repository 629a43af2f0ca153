package dev.weir.api.common.functions;

/**
 * An incremental aggregation with a mutable or immutable accumulator, as in Flink: {@code createAccumulator},
 * {@code add}, {@code getResult} and {@code merge} (used when windows or slices are combined).
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
