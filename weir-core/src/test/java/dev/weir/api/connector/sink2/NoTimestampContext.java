package dev.weir.api.connector.sink2;

import dev.weir.api.connector.sink2.SinkWriter;

/** A {@link SinkWriter.Context} test double for elements without timestamp, before any watermark. */
public final class NoTimestampContext implements SinkWriter.Context {
    public static final NoTimestampContext INSTANCE = new NoTimestampContext();

    @Override
    public long currentWatermark() {
        return Long.MIN_VALUE;
    }

    @Override
    public Long timestamp() {
        return null;
    }
}
