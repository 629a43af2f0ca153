package dev.weir.sql.runtime;

import java.io.Serializable;

/**
 * The grouping key of two BIGINT columns, neither NULL (Nexmark's {@code bidder, auction}, {@code id, category}): the two
 * values unboxed beside their hash, so a state lookup that finds the key's slot compares it by reading one object, where
 * a {@link GroupKey} also reads its value array and both boxed values (four cache misses on a large table, not one).
 * It hashes as the {@link GroupKey} of the same values does; it equals only another {@code LongPairKey}, and a
 * selector makes every key of two non-NULL longs this way, so equal values always make equal keys.
 */
final class LongPairKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long first;
    private final long second;
    private final int hash;

    LongPairKey(long first, long second) {
        this.first = first;
        this.second = second;
        // Arrays.deepHashCode of {first, second}, as GroupKey's.
        this.hash = 31 * (31 + Long.hashCode(first)) + Long.hashCode(second);
    }

    /** The value of the key's {@code index}-th column (0 or 1). */
    Object get(int index) {
        return index == 0 ? first : second;
    }

    /** The key of {@code a} and {@code b} if both are {@code Long}s: a pair; otherwise a {@link GroupKey}. */
    static Object of(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return new LongPairKey((Long) a, (Long) b);
        }
        return new GroupKey(new Object[] {a, b});
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof LongPairKey other && other.first == first && other.second == second);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "[" + first + ", " + second + "]";
    }
}
