package dev.weir.builtin;

import java.math.BigInteger;

/** The contiguous part of an inclusive range of longs that one of n subtasks reads, so that each number is read once. */
public final class LongRangeShare {
    /** The first number of the share; meaningless when {@link #empty}. */
    public final long first;
    /** The last number of the share, inclusive; meaningless when {@link #empty}. */
    public final long last;
    /** Whether the share holds no number. */
    public final boolean empty;

    private LongRangeShare(long first, long last, boolean empty) {
        this.first = first;
        this.last = last;
        this.empty = empty;
    }

    /**
     * Subtask {@code i} of {@code n} gets offsets {@code [count*i/n, count*(i+1)/n)} of the range. The range may hold
     * up to 2^64 numbers, which no long can count, so the split is computed once with BigInteger.
     */
    public static LongRangeShare of(long from, long to, int subtask, int parallelism) {
        if (parallelism < 1 || subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("Subtask " + subtask + " of parallelism " + parallelism
                    + " is not a valid subtask; the index must be in [0, parallelism)");
        }
        if (from > to) {
            return new LongRangeShare(0, -1, true);
        }
        BigInteger count = BigInteger.valueOf(to).subtract(BigInteger.valueOf(from)).add(BigInteger.ONE);
        BigInteger n = BigInteger.valueOf(parallelism);
        BigInteger start = count.multiply(BigInteger.valueOf(subtask)).divide(n);
        BigInteger end = count.multiply(BigInteger.valueOf(subtask + 1L)).divide(n);
        if (start.equals(end)) {
            return new LongRangeShare(0, -1, true);
        }
        BigInteger base = BigInteger.valueOf(from);
        return new LongRangeShare(base.add(start).longValueExact(), base.add(end).subtract(BigInteger.ONE).longValueExact(), false);
    }
}
