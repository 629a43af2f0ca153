package dev.weir.api.common.accumulators;

/** Sums int values. */
public class IntCounter implements Accumulator<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private int localValue;

    public IntCounter() {
    }

    public IntCounter(int value) {
        this.localValue = value;
    }

    @Override
    public void add(Integer value) {
        localValue += value;
    }

    /** Adds without boxing. */
    public void add(int value) {
        localValue += value;
    }

    @Override
    public Integer getLocalValue() {
        return localValue;
    }

    @Override
    public void resetLocal() {
        localValue = 0;
    }

    @Override
    public void merge(Accumulator<Integer, Integer> other) {
        localValue += other.getLocalValue();
    }

    @Override
    public IntCounter clone() {
        return new IntCounter(localValue);
    }

    @Override
    public String toString() {
        return "IntCounter " + localValue;
    }
}
