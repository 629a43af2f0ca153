package dev.weir.bench.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Flink 2.x: a discarding sink reporting to the span; 2.x's {@code createWriter} takes a WriterInitContext. */
final class TimedSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new TimedWriter<>();
    }
}
