package dev.weir.bench;

/**
 * The generator both engines share (issue 6): event {@code i} of {@code n} has {@code key = splitmix64(i) mod K},
 * {@code timestamp = i / parallelism} ms and {@code value = i & 0xff}.
 *
 * <p>Both engines' {@code DataGeneratorSource} hand subtask s of p the contiguous index share
 * {@code [s*n/p, (s+1)*n/p)}. Read as-is, subtask 1 would start {@code n/(2p)} ms ahead of subtask 0 and every
 * downstream watermark would wait for the slowest; so a source index {@code j} is read as the logical event
 * {@code i = offset * p + share}, which interleaves the shares: every subtask's timestamps start at 0 and rise by one
 * per event, as if one sequence were dealt round-robin. That needs {@code n % p == 0}, checked at construction.
 */
public final class EventShape implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final long events;
    private final long keys;
    private final int parallelism;
    private final long share;
    /** {@code keys} as an unsigned divisor by multiplication (Granlund and Montgomery): magic number and shift. */
    private final long keysMagic;
    private final int keysShift;

    public EventShape(long events, long keys, int parallelism) {
        if (events <= 0 || keys <= 0 || parallelism <= 0) {
            throw new IllegalArgumentException("EventShape: events, keys and parallelism must be positive, were "
                    + events + ", " + keys + ", " + parallelism);
        }
        if (events % parallelism != 0) {
            throw new IllegalArgumentException("EventShape: events (" + events + ") must be a multiple of the"
                    + " parallelism (" + parallelism + ") so every subtask gets an equal share; round it");
        }
        this.events = events;
        this.keys = keys;
        this.parallelism = parallelism;
        this.share = events / parallelism;
        int log = 64 - Long.numberOfLeadingZeros(keys - 1);
        // floor(2^64 * (2^log - keys) / keys) + 1, below 2^64 because 2^log - keys < keys.
        java.math.BigInteger k = java.math.BigInteger.valueOf(keys);
        this.keysMagic = java.math.BigInteger.ONE.shiftLeft(64).multiply(java.math.BigInteger.ONE.shiftLeft(log).subtract(k))
                .divide(k).add(java.math.BigInteger.ONE).longValue();
        this.keysShift = log;
    }

    public long events() {
        return events;
    }

    public long keys() {
        return keys;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The event for source index {@code j} in {@code [0, events)}. */
    public Event event(long j) {
        // j / share and j % share, and the key's unsigned remainder, without a 64-bit division: the divisions were
        // about 3 of the 19 ns an event of workload 1 costs Weir (both engines run this code; the events are the same).
        long offset = j;
        long shareIndex = 0;
        while (offset >= share) {
            offset -= share;
            shareIndex++;
        }
        long i = offset * parallelism + shareIndex;
        return new Event(keyOf(splitmix64(i)), offset, (int) (i & 0xff));
    }

    /** {@code Long.remainderUnsigned(hash, keys)} by a multiplication (Granlund and Montgomery, 1994, figure 4.1). */
    long keyOf(long hash) {
        long high = Math.multiplyHigh(keysMagic, hash) + ((keysMagic >> 63) & hash) + ((hash >> 63) & keysMagic);
        long quotient = (high + ((hash - high) >>> Math.min(keysShift, 1))) >>> Math.max(keysShift - 1, 0);
        return hash - quotient * keys;
    }

    /** Sebastiano Vigna's SplitMix64 finaliser of {@code x}'s golden-ratio step. */
    public static long splitmix64(long x) {
        long z = x * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
