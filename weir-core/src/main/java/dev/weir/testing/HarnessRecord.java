package dev.weir.testing;

import java.util.Objects;

/**
 * One entry of a test harness's output: an element with its timestamp (or none), or a watermark. Entries compare
 * by value, so a test states the whole expected output in order:
 *
 * <pre>{@code
 * assertThat(harness.getOutput()).containsExactly(
 *         HarnessRecord.of("fired:a", 10L),
 *         HarnessRecord.watermark(10L));
 * }</pre>
 */
public final class HarnessRecord {
    /** The timestamp of an element that has none; such elements print as {@code value@-}. */
    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final Object value;
    private final long timestamp;
    private final boolean watermark;

    private HarnessRecord(Object value, long timestamp, boolean watermark) {
        this.value = value;
        this.timestamp = timestamp;
        this.watermark = watermark;
    }

    /** An element with a timestamp. */
    public static HarnessRecord of(Object value, long timestamp) {
        return new HarnessRecord(Objects.requireNonNull(value, "value"), timestamp, false);
    }

    /** An element without a timestamp, as emitted for an input without one or by a processing-time timer. */
    public static HarnessRecord of(Object value) {
        return new HarnessRecord(Objects.requireNonNull(value, "value"), NO_TIMESTAMP, false);
    }

    /** A watermark the operator forwarded. */
    public static HarnessRecord watermark(long watermark) {
        return new HarnessRecord(null, watermark, true);
    }

    static HarnessRecord element(Object value, long timestamp) {
        return new HarnessRecord(value, timestamp, false);
    }

    public boolean isWatermark() {
        return watermark;
    }

    /**
     * The element's value.
     *
     * @throws IllegalStateException if this is a watermark
     */
    @SuppressWarnings("unchecked")
    public <T> T getValue() {
        if (watermark) {
            throw new IllegalStateException(this + " is a watermark and has no value: check isWatermark() first");
        }
        return (T) value;
    }

    /** Whether this is an element with a timestamp. */
    public boolean hasTimestamp() {
        return !watermark && timestamp != NO_TIMESTAMP;
    }

    /**
     * The element's timestamp, or the watermark's time.
     *
     * @throws IllegalStateException if this is an element without a timestamp
     */
    public long getTimestamp() {
        if (!watermark && timestamp == NO_TIMESTAMP) {
            throw new IllegalStateException(this + " has no timestamp: check hasTimestamp() first");
        }
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HarnessRecord other && watermark == other.watermark && timestamp == other.timestamp
                && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(value) + Long.hashCode(timestamp)) + Boolean.hashCode(watermark);
    }

    /** {@code value@timestamp}, {@code value@-} without a timestamp, {@code Watermark@time} for a watermark. */
    @Override
    public String toString() {
        if (watermark) {
            return "Watermark@" + timestamp;
        }
        return value + "@" + (timestamp == NO_TIMESTAMP ? "-" : Long.toString(timestamp));
    }
}
