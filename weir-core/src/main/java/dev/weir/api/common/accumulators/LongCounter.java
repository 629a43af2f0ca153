package dev.weir.api.common.accumulators;

/** Sums long values. */
public class LongCounter implements Accumulator<Long, Long> {
    private static final long serialVersionUID = 1L;
    private long localValue;

    public LongCounter() {
    }

    public LongCounter(long value) {
        this.localValue = value;
    }

    @Override
    public void add(Long value) {
        localValue += value;
    }

    /** Adds without boxing. */
    public void add(long value) {
        localValue += value;
    }

    @Override
    public Long getLocalValue() {
        return localValue;
    }

    @Override
    public void resetLocal() {
        localValue = 0;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        localValue += other.getLocalValue();
    }

    @Override
    public LongCounter clone() {
        return new LongCounter(localValue);
    }

    @Override
    public String toString() {
        return "LongCounter " + localValue;
    }
}
