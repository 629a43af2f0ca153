package dev.weir.api.common;

import java.io.Serializable;
import java.util.Random;

/** Identifies a job run; printed as 32 hex digits like Flink's. */
public final class JobID implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * As Flink's ids: random, not secure. {@code UUID.randomUUID()} would load and seed the security providers
     * (about 90 classes) when a job starts, for an id nobody has to guess.
     */
    private static final Random RANDOM = new Random();
    private final long upper;
    private final long lower;

    public JobID(long upper, long lower) {
        this.upper = upper;
        this.lower = lower;
    }

    public static JobID generate() {
        return new JobID(RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** Parses the 32-hex-digit form of {@link #toString()}. */
    public static JobID fromHexString(String hex) {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("A job id is 32 hex digits, got: " + hex);
        }
        return new JobID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID && ((JobID) o).upper == upper && ((JobID) o).lower == lower;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(upper) * 31 + Long.hashCode(lower);
    }

    @Override
    public String toString() {
        // Not String.format: its parser loads java.util.regex when a job starts.
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[i] = Character.forDigit((int) (upper >>> (60 - 4 * i)) & 0xf, 16);
            hex[16 + i] = Character.forDigit((int) (lower >>> (60 - 4 * i)) & 0xf, 16);
        }
        return new String(hex);
    }
}
