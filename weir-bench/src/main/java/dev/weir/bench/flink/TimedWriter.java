package dev.weir.bench.flink;

import dev.weir.bench.Span;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Flink's discarding writer that reports to the {@link Span}; the {@code Sink} that creates it is version-specific
 * ({@code src/flink1}, {@code src/flink2}) because {@code createWriter}'s parameter changed in Flink 2.
 */
final class TimedWriter<T> implements SinkWriter<T> {
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

    @Override
    public void close() {
    }
}
