package dev.weir.bench;

/** One key's count, sum and max of values in the window starting at {@code windowStart}: workload 12's result. */
public class KeyedStats {
    public long key;
    public long windowStart;
    public long count;
    public long sum;
    public long max;

    /** For Flink's POJO rules. */
    public KeyedStats() {
    }

    public KeyedStats(long key, long windowStart, long count, long sum, long max) {
        this.key = key;
        this.windowStart = windowStart;
        this.count = count;
        this.sum = sum;
        this.max = max;
    }

    @Override
    public String toString() {
        return "KeyedStats{key=" + key + ", windowStart=" + windowStart + ", count=" + count + ", sum=" + sum
                + ", max=" + max + '}';
    }
}
