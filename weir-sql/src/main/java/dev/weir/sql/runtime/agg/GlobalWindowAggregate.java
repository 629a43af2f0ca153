package dev.weir.sql.runtime.agg;

import dev.weir.api.common.functions.AggregateFunction;
import java.util.Objects;

/**
 * The global phase of a two-phase window aggregate, Flink's {@code GlobalWindowAggregate}: the window operator's
 * aggregate function over the {@link WindowPartial}s of {@link LocalWindowAggregate}, merging each into its key's
 * slice accumulator in place. Accumulators and results are {@link LongAggregate}'s, so state and output rows are those
 * of the one-phase aggregate.
 */
public final class GlobalWindowAggregate implements AggregateFunction<WindowPartial, long[], Object[]> {
    private static final long serialVersionUID = 1L;

    private final LongAggregate aggregate;

    public GlobalWindowAggregate(LongAggregate aggregate) {
        this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
    }

    @Override
    public long[] createAccumulator() {
        return aggregate.createAccumulator();
    }

    @Override
    public long[] add(WindowPartial partial, long[] accumulator) {
        return aggregate.mergeInto(accumulator, partial.accumulator());
    }

    @Override
    public Object[] getResult(long[] accumulator) {
        return aggregate.getResult(accumulator);
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        return aggregate.merge(a, b);
    }
}
