package dev.weir.bench.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/** Flink 1.x: a discarding sink reporting to the span; 1.x's abstract {@code createWriter} takes an InitContext. */
final class TimedSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<T> createWriter(InitContext context) {
        return new TimedWriter<>();
    }
}
