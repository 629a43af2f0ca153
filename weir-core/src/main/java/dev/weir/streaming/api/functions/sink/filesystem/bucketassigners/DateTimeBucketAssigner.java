package dev.weir.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.weir.core.io.SimpleVersionedSerializer;
import dev.weir.streaming.api.functions.sink.filesystem.BucketAssigner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Buckets elements by the processing time at which they are written, formatted with a {@link DateTimeFormatter}
 * pattern, as Flink's {@code DateTimeBucketAssigner}: by default {@code yyyy-MM-dd--HH} in the system time zone, so a
 * sink writes into one directory per hour such as {@code 2024-05-17--09}. The default assigner of
 * {@code FileSink.forRowFormat}.
 *
 * <p>The formatted id is cached per second (per millisecond for patterns with fractions of a second), so the
 * assigner allocates only when the bucket text may change.
 */
public class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {
    private static final long serialVersionUID = 1L;

    private static final String DEFAULT_FORMAT_STRING = "yyyy-MM-dd--HH";

    private final String formatString;
    private final ZoneId zoneId;
    private final long cacheGranularity;

    private transient DateTimeFormatter dateTimeFormatter;
    private transient long cachedSlot = Long.MIN_VALUE;
    private transient String cachedBucketId;

    /** Hourly buckets, {@code yyyy-MM-dd--HH}, in the system time zone. */
    public DateTimeBucketAssigner() {
        this(DEFAULT_FORMAT_STRING);
    }

    /** Buckets named by {@code formatString} (a {@link DateTimeFormatter} pattern) in the system time zone. */
    public DateTimeBucketAssigner(String formatString) {
        this(formatString, ZoneId.systemDefault());
    }

    /** Hourly buckets, {@code yyyy-MM-dd--HH}, in {@code zoneId}. */
    public DateTimeBucketAssigner(ZoneId zoneId) {
        this(DEFAULT_FORMAT_STRING, zoneId);
    }

    /** Buckets named by {@code formatString} in {@code zoneId}; fails at once for an invalid pattern. */
    public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
        if (formatString == null) {
            throw new NullPointerException("DateTimeBucketAssigner: the format string must not be null");
        }
        if (zoneId == null) {
            throw new NullPointerException("DateTimeBucketAssigner: the zone id must not be null");
        }
        try {
            DateTimeFormatter.ofPattern(formatString);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DateTimeBucketAssigner: '" + formatString + "' is not a valid "
                    + "java.time.format.DateTimeFormatter pattern: " + e.getMessage(), e);
        }
        this.formatString = formatString;
        this.zoneId = zoneId;
        // Patterns with fractions of a second (S), nano or milli of day (n, N, A) change within a second.
        this.cacheGranularity = formatString.matches(".*[SnNA].*") ? 1 : 1000;
    }

    /** The processing time of the write, formatted: e.g. {@code 2024-05-17--09}. */
    @Override
    public String getBucketId(IN element, BucketAssigner.Context context) {
        long now = context.currentProcessingTime();
        long slot = Math.floorDiv(now, cacheGranularity);
        if (slot != cachedSlot || cachedBucketId == null) {
            if (dateTimeFormatter == null) {
                dateTimeFormatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
            }
            cachedBucketId = dateTimeFormatter.format(Instant.ofEpochMilli(now));
            cachedSlot = slot;
        }
        return cachedBucketId;
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DateTimeBucketAssigner{formatString='" + formatString + "', zoneId=" + zoneId + '}';
    }
}
