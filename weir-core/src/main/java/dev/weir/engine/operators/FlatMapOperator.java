package dev.weir.engine.operators;

import dev.weir.api.common.functions.FlatMapFunction;

/** {@code DataStream#flatMap}. */
public final class FlatMapOperator extends UdfOperator<FlatMapFunction<Object, Object>> implements OneInputOperator {
    private TimestampedCollector collector;

    public FlatMapOperator(FlatMapFunction<Object, Object> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector(output, this);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        collector.setTimestamp(timestamp);
        function.flatMap(value, collector);
    }
}
