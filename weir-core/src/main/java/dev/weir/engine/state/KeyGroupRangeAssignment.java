package dev.weir.engine.state;

/**
 * Maps keys to key groups and key groups to operator subtasks: {@code keyGroup = murmur(key.hashCode()) % maxParallelism},
 * {@code subtask = keyGroup * parallelism / maxParallelism}, so each subtask owns one contiguous range of key groups.
 */
public final class KeyGroupRangeAssignment {
    /** The smallest default max parallelism, Flink's. */
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;

    /** The largest supported max parallelism, Flink's. */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {
    }

    /** The key group of {@code key}, in {@code [0, maxParallelism)}. */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("key must not be null: a KeySelector returned null; keyed streams need a non-null key for every record");
        }
        int hash = murmurHash(key.hashCode());
        // The hash is non-negative: for the usual power-of-two max parallelism a mask equals the (slower) modulo.
        return (maxParallelism & (maxParallelism - 1)) == 0 ? hash & (maxParallelism - 1) : hash % maxParallelism;
    }

    /**
     * MurmurHash3 (x86, 32 bit, seed 0) of the four bytes of {@code code}, made non-negative. Mixing matters because
     * many hashCodes (small integers, enums) are clustered and a plain modulo would crowd a few key groups.
     */
    public static int murmurHash(int code) {
        int k = code * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        int h = Integer.rotateLeft(k, 13);
        h = h * 5 + 0xe6546b64;
        h ^= 4;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        if (h >= 0) {
            return h;
        }
        return h == Integer.MIN_VALUE ? 0 : -h;
    }

    /** The subtask that owns {@code keyGroup}. */
    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        // Runs per record on a keyed exchange: for the usual power-of-two max parallelism a shift equals the (slower)
        // division, the product being non-negative and below 2^30.
        return (maxParallelism & (maxParallelism - 1)) == 0
                ? keyGroup * parallelism >>> Integer.numberOfTrailingZeros(maxParallelism)
                : keyGroup * parallelism / maxParallelism;
    }

    /** The subtask that owns {@code key}. */
    public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    /**
     * The max parallelism when the user sets none: 1.5 x parallelism rounded up to a power of two, at least 128 and at
     * most 32768, so a job can later scale out without losing its state.
     */
    public static int computeDefaultMaxParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        int wanted = parallelism + parallelism / 2;
        int powerOfTwo = wanted <= 1 ? 1 : Integer.highestOneBit(wanted - 1) << 1;
        if (powerOfTwo <= 0) {
            return UPPER_BOUND_MAX_PARALLELISM;
        }
        return Math.min(Math.max(powerOfTwo, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }

    /**
     * The key groups owned by subtask {@code operatorIndex}: exactly those {@code g} with
     * {@code computeOperatorIndexForKeyGroup(maxParallelism, parallelism, g) == operatorIndex}, i.e.
     * {@code ceil(i * max / p) .. floor(((i + 1) * max - 1) / p)}.
     */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism, int operatorIndex) {
        checkParallelism(maxParallelism, parallelism);
        if (operatorIndex < 0 || operatorIndex >= parallelism) {
            throw new IllegalArgumentException("operator index " + operatorIndex + " is outside 0.." + (parallelism - 1)
                    + " for parallelism " + parallelism);
        }
        int start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
        int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
        return KeyGroupRange.of(start, end);
    }

    private static void checkParallelism(int maxParallelism, int parallelism) {
        if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("max parallelism must be in 1.." + UPPER_BOUND_MAX_PARALLELISM + ", was " + maxParallelism);
        }
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism " + parallelism + " must be in 1..maxParallelism (" + maxParallelism
                    + "): raise the max parallelism or lower the parallelism, every subtask needs at least one key group");
        }
    }
}
