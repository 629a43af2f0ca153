package dev.weir.api.connector.sink;

import dev.weir.api.connector.SinkWriter;

/** A {@link SinkWriter.Context} test double for elements without timestamp, before any watermark. */
final class NoTimestampContext implements SinkWriter.Context {
    static final NoTimestampContext INSTANCE = new NoTimestampContext();

    @Override
    public long currentWatermark() {
        return Long.MIN_VALUE;
    }

    @Override
    public Long timestamp() {
        return null;
    }
}
