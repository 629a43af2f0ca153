package dev.weir.streaming.api.functions.sink.v2;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;

/** A sink that drops every element, as Flink's {@code DiscardingSink}; for benchmarks and tests of side effects. */
public class DiscardingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>();
    }

    /** Drops one subtask's elements. */
    private static final class Writer<T> implements SinkWriter<T> {
        @Override
        public void write(T element, Context context) {
        }

        @Override
        public void flush(boolean endOfInput) {
        }

        @Override
        public void close() {
        }
    }
}
