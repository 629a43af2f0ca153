package dev.weir.bench;

/** One result of a keyed aggregation (a timer firing or a window), shared by both engines as a POJO. */
public class KeyedSum {
    public long key;
    public long sum;
    public long count;

    /** For Flink's POJO rules. */
    public KeyedSum() {
    }

    public KeyedSum(long key, long sum, long count) {
        this.key = key;
        this.sum = sum;
        this.count = count;
    }

    @Override
    public String toString() {
        return "KeyedSum{key=" + key + ", sum=" + sum + ", count=" + count + '}';
    }
}
