package dev.weir.connector.kafka;

import dev.weir.api.connector.sink2.SinkWriter;

/** The context of an element written without a timestamp before any watermark, for tests that drive writers directly. */
public final class NoTimestamp implements SinkWriter.Context {
    public static final NoTimestamp CONTEXT = new NoTimestamp();

    private NoTimestamp() {
    }

    @Override
    public long currentWatermark() {
        return Long.MIN_VALUE;
    }

    @Override
    public Long timestamp() {
        return null;
    }
}
