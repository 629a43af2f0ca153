package dev.weir.api.common;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a job run; printed as 32 hex digits like Flink's. */
public final class JobID implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long upper;
    private final long lower;

    public JobID(long upper, long lower) {
        this.upper = upper;
        this.lower = lower;
    }

    public static JobID generate() {
        UUID uuid = UUID.randomUUID();
        return new JobID(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
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
        return String.format("%016x%016x", upper, lower);
    }
}
