package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;

/**
 * Flink's PERCENTILE(expr, percentage [, frequency]): the value at {@code percentage} (0 to 1) of the group's non-null
 * values, interpolated linearly between the two values nearest to the position {@code percentage * (n - 1) + 1} of the
 * sorted values (counted from 1), as a DOUBLE; with an array of percentages, one such value each, as an ARRAY&lt;DOUBLE&gt;. A row's value
 * counts {@code frequency} times (1 by default; a row whose frequency is NULL or below 1 counts not at all). No value
 * gives NULL. The accumulator counts each distinct value ({@link ValueCounts}), so rows retract and partial
 * accumulators merge.
 */
public final class Percentile extends AggCall {
    private static final long serialVersionUID = 1L;

    private final int percentageArg;
    private final boolean array;
    private final int frequencyArg;
    /**
     * {@link #result}'s scratch: a group's sorted values and their counts, grown to the largest table seen, so that a
     * GROUP BY computing a result per row allocates no arrays. A function is copied per subtask, so one thread uses them.
     */
    private transient double[] sortedValues;
    private transient long[] sortedTimes;

    /**
     * {@code percentageArg}: the column of the percentage (a constant, or an ARRAY of constants: the planner refuses
     * anything else); {@code array}: it is an ARRAY; {@code frequencyArg}: the frequency's column, or -1.
     */
    public Percentile(int arg, int filterArg, int percentageArg, boolean array, int frequencyArg) {
        super(arg, filterArg);
        this.percentageArg = percentageArg;
        this.array = array;
        this.frequencyArg = frequencyArg;
    }

    @Override
    public Object createAccumulator() {
        return new ValueCounts();
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        return add(acc, row, 1);
    }

    @Override
    public Object retract(Object acc, Row row) {
        return add(acc, row, -1);
    }

    private Object add(Object acc, Row row, int sign) {
        Object v = row.getField(arg);
        if (v == null || !applies(row)) {
            return acc;
        }
        long times = 1;
        if (frequencyArg >= 0) {
            Object f = row.getField(frequencyArg);
            if (f == null || ((Number) f).longValue() < 1) {
                return acc;
            }
            times = ((Number) f).longValue();
        }
        ValueCounts counts = (ValueCounts) acc;
        if (counts.percentages == null) {
            counts.percentages = percentages(row.getField(percentageArg));
        }
        counts.add(((Number) v).doubleValue(), sign * times);
        return acc;
    }

    // The constant percentage column's value, read once per accumulator.
    private double[] percentages(Object value) {
        if (!array) {
            return new double[] {((Number) value).doubleValue()};
        }
        Object[] elements = (Object[]) value;
        double[] result = new double[elements.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = ((Number) elements[i]).doubleValue();
        }
        return result;
    }

    @Override
    public Object merge(Object a, Object b) {
        return ((ValueCounts) a).plus((ValueCounts) b);
    }

    @Override
    public Object result(Object acc) {
        ValueCounts counts = (ValueCounts) acc;
        if (sortedValues == null || sortedValues.length < counts.capacity()) {
            sortedValues = new double[counts.capacity()];
            sortedTimes = new long[counts.capacity()];
        }
        double[] values = sortedValues;
        long[] times = sortedTimes;
        int n = counts.sorted(values, times);
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += times[i];
        }
        double[] percentages = counts.percentages;
        if (total == 0 || percentages == null) {
            return null;
        }
        if (!array) {
            return at(percentages[0], values, times, n, total);
        }
        Object[] result = new Object[percentages.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = at(percentages[i], values, times, n, total);
        }
        return result;
    }

    // The value at percentage p of the n distinct sorted values, held total times in all. The position is counted
    // from 1 and each neighbour weighted by its distance from it, the arithmetic that gives Flink 2.3's last digits
    // (3 and 5 at 0.9 give 4.800000000000001, 0 and 1 at 0.1 give 0.10000000000000009).
    private static double at(double p, double[] values, long[] times, int n, long total) {
        double position = p * (total - 1) + 1;
        double lower = Math.floor(position);
        double upper = Math.ceil(position);
        double low = valueAtRank((long) lower - 1, values, times, n);
        if (upper == lower) {
            return low;
        }
        double high = valueAtRank((long) upper - 1, values, times, n);
        return (upper - position) * low + (position - lower) * high;
    }

    // The value of the given rank (from 0) among the sorted values counted with their times.
    private static double valueAtRank(long rank, double[] values, long[] times, int n) {
        long seen = 0;
        for (int i = 0; i < n; i++) {
            seen += times[i];
            if (rank < seen) {
                return values[i];
            }
        }
        return values[n - 1];
    }
}
