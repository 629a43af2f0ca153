package dev.weir.flink.functions;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Flink's Sink V2 as Flink 1.20 declares it: with the deprecated {@code createWriter(InitContext)}, which 1.20's
 * runtime no longer calls and Flink 2.x removed, so it is implemented here, per line, and nowhere else.
 */
@SuppressWarnings("deprecation")
public abstract class SinkV2<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    @Deprecated
    public final SinkWriter<T> createWriter(InitContext context) {
        throw new UnsupportedOperationException("Flink calls createWriter(WriterInitContext) for " + getClass().getName());
    }
}
