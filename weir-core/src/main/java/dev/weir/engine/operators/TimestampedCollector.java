package dev.weir.engine.operators;

import dev.weir.util.Collector;

/**
 * The collector handed to user functions: emits with the timestamp of the element (or timer) being processed. One
 * instance per operator, reused for every element.
 */
public final class TimestampedCollector implements Collector<Object> {
    private final Output output;
    private final StreamOperator owner;
    private long timestamp = Output.NO_TIMESTAMP;

    public TimestampedCollector(Output output, StreamOperator owner) {
        this.output = output;
        this.owner = owner;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public void eraseTimestamp() {
        this.timestamp = Output.NO_TIMESTAMP;
    }

    @Override
    public void collect(Object record) {
        if (record == null) {
            throw new NullPointerException(owner.describe() + " emitted null: records must not be null; skip the call to collect instead");
        }
        output.collect(record, timestamp);
    }
}
