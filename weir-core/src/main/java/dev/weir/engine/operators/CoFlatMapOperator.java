package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.co.CoFlatMapFunction;

/** {@code ConnectedStreams#flatMap}. */
public final class CoFlatMapOperator extends UdfOperator<CoFlatMapFunction<Object, Object, Object>> implements TwoInputOperator {
    private TimestampedCollector collector;

    public CoFlatMapOperator(CoFlatMapFunction<Object, Object, Object> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector(output, this);
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        collector.setTimestamp(timestamp);
        function.flatMap1(value, collector);
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        collector.setTimestamp(timestamp);
        function.flatMap2(value, collector);
    }
}
