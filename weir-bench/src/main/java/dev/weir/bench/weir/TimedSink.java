package dev.weir.bench.weir;

import dev.weir.builtin.CooperativeSink;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.bench.Span;

/**
 * Weir's discarding sink that reports to the {@link Span}: the first record it sees and the end of its input. The
 * flag test per record costs the same on both engines ({@code flink/TimedWriter.java} does the same). It never blocks,
 * so it says so ({@link CooperativeSink}): its chain runs on Weir's two shared workers, not on a thread of its own.
 */
final class TimedSink<T> implements Sink<T>, CooperativeSink {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>();
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private boolean waitingForFirst = true;

        @Override
        public void write(T element, Context context) {
            if (waitingForFirst) {
                waitingForFirst = false;
                Span.firstRecord();
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            if (endOfInput) {
                Span.sinkFinished();
            }
        }
    }
}
