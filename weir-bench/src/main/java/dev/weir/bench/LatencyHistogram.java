package dev.weir.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A log-bucket histogram of nanosecond delays shared by the sink subtasks of one run: 64 sub-buckets per power of
 * two, so a reported quantile (a bucket's upper edge) is at most about 1.6 % above the true value (HdrHistogram's
 * idea at two significant digits).
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final AtomicLongArray COUNTS = new AtomicLongArray(64 * SUB);

    private LatencyHistogram() {
    }

    public static void reset() {
        for (int b = 0; b < COUNTS.length(); b++) {
            COUNTS.set(b, 0);
        }
    }

    /** Records one delay; negative delays (clock skew cannot happen with nanoTime, but be safe) count as 0. */
    public static void record(long nanos) {
        COUNTS.incrementAndGet(bucket(Math.max(0, nanos)));
    }

    public static long count() {
        long n = 0;
        for (int b = 0; b < COUNTS.length(); b++) {
            n += COUNTS.get(b);
        }
        return n;
    }

    /** The delay at quantile {@code q} in (0, 1]: the upper edge of the bucket holding it; 0 if none was recorded. */
    public static long quantile(double q) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int b = 0; b < COUNTS.length(); b++) {
            seen += COUNTS.get(b);
            if (seen >= rank) {
                return upperEdge(b);
            }
        }
        return upperEdge(COUNTS.length() - 1);
    }

    static int bucket(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS + 1;
        int sub = (int) (value >>> exponent) - SUB / 2;
        return exponent * (SUB / 2) + SUB / 2 + sub;
    }

    static long upperEdge(int bucket) {
        if (bucket < SUB) {
            return bucket;
        }
        int exponent = (bucket - SUB / 2) / (SUB / 2);
        long sub = (bucket - SUB / 2) % (SUB / 2) + SUB / 2;
        return ((sub + 1) << exponent) - 1;
    }
}
