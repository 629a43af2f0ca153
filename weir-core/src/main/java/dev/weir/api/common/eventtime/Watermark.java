package dev.weir.api.common.eventtime;

import java.io.Serializable;

/** A promise that no more elements with a timestamp at or before {@link #getTimestamp()} will arrive. */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The watermark that ends event time: bounded inputs emit it when they finish, so every timer fires. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark && ((Watermark) o).timestamp == timestamp;
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
