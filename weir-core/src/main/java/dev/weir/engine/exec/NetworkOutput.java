package dev.weir.engine.exec;

import dev.weir.util.OutputTag;
import dev.weir.engine.exchange.RecordWriter;
import dev.weir.engine.operators.Output;

/** The output of the last operator of a chain into one outgoing edge of the exchange. */
final class NetworkOutput implements Output {
    private final RecordWriter writer;

    NetworkOutput(RecordWriter writer) {
        this.writer = writer;
    }

    @Override
    public void collect(Object value, long timestamp) {
        writer.emit(value, timestamp);
    }

    /** Only elements for tags nobody reads get here (read tags are routed before): dropped, as in Flink. */
    @Override
    public void collect(OutputTag<?> tag, Object value, long timestamp) {
    }

    @Override
    public void emitWatermark(long watermark) {
        writer.emitWatermark(watermark);
    }

    @Override
    public void emitIdleness(boolean idle) {
        writer.emitIdleness(idle);
    }
}
