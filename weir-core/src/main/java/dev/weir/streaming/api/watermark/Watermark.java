package dev.weir.streaming.api.watermark;

import java.io.Serializable;

/**
 * Flink 1.x's watermark element, as a legacy {@code SourceFunction} emits it through
 * {@code SourceContext.emitWatermark}: no element with a timestamp at or below {@link #getTimestamp()} is expected
 * any more. The generators of {@code WatermarkStrategy} use {@code dev.weir.api.common.eventtime.Watermark}.
 */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The watermark that ends event time: every window and timer fires. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    /** The watermark before any was emitted. */
    public static final Watermark UNINITIALIZED = new Watermark(Long.MIN_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Watermark other && other.timestamp == timestamp);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}
