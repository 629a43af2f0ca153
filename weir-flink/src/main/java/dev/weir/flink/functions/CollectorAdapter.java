package dev.weir.flink.functions;

import dev.weir.util.Collector;

/** A Weir collector that forwards to the Flink collector of the current call; one per wrapper, re-aimed per call. */
final class CollectorAdapter implements Collector<Object> {
    private org.apache.flink.util.Collector<Object> target;

    CollectorAdapter aim(org.apache.flink.util.Collector<Object> target) {
        this.target = target;
        return this;
    }

    @Override
    public void collect(Object record) {
        target.collect(record);
    }
}
