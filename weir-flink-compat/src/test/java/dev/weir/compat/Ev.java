package dev.weir.compat;

import java.util.Objects;

/**
 * A test event both engines run on: key, event timestamp, value, and the watermark the source emits right after it
 * ({@link #NONE} for none). A public-field POJO so Flink serializes it without hints and Weir passes it by reference.
 */
public final class Ev {
    /** No watermark after this event. */
    public static final long NONE = Long.MIN_VALUE;

    public String key;
    public long ts;
    public int value;
    public long watermarkAfter = NONE;

    public Ev() {
    }

    public Ev(String key, long ts, int value, long watermarkAfter) {
        this.key = key;
        this.ts = ts;
        this.value = value;
        this.watermarkAfter = watermarkAfter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ev e && e.ts == ts && e.value == value && e.watermarkAfter == watermarkAfter && Objects.equals(e.key, key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, ts, value, watermarkAfter);
    }

    @Override
    public String toString() {
        return ts + ":" + value;
    }
}
