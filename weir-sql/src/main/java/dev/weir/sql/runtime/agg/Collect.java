package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;
import java.util.HashMap;
import java.util.Map;

/**
 * Flink's COLLECT(expr): the group's non-null values as a MULTISET, handed out as Flink hands one out, a
 * {@code HashMap} of each value to how many times it occurs (printed {@code {A=2, C=1}}); a group of NULLs only gives
 * an empty multiset. With DISTINCT each value counts once. The accumulator counts each value in a mutable slot, so a
 * row already seen boxes nothing; rows retract (a value whose count falls to zero goes) and accumulators merge.
 */
public final class Collect extends AggCall {
    private static final long serialVersionUID = 1L;

    private final boolean distinct;

    public Collect(int arg, int filterArg, boolean distinct) {
        super(arg, filterArg);
        this.distinct = distinct;
    }

    @Override
    public Object createAccumulator() {
        return new HashMap<Object, long[]>();
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        return add(acc, row, 1);
    }

    @Override
    public Object retract(Object acc, Row row) {
        return add(acc, row, -1);
    }

    @SuppressWarnings("unchecked")
    private Object add(Object acc, Row row, int n) {
        Object v = row.getField(arg);
        if (v == null || !applies(row)) {
            return acc;
        }
        Map<Object, long[]> counts = (Map<Object, long[]>) acc;
        long[] count = counts.get(v);
        if (count == null) {
            count = new long[1];
            counts.put(v, count);
        }
        count[0] += n;
        if (count[0] == 0) {
            counts.remove(v);
        }
        return acc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object merge(Object a, Object b) {
        Map<Object, long[]> merged = new HashMap<>();
        for (Map<Object, long[]> part : new Map[] {(Map<Object, long[]>) a, (Map<Object, long[]>) b}) {
            for (Map.Entry<Object, long[]> e : part.entrySet()) {
                long[] count = merged.computeIfAbsent(e.getKey(), k -> new long[1]);
                count[0] += e.getValue()[0];
            }
        }
        merged.values().removeIf(count -> count[0] == 0);
        return merged;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object result(Object acc) {
        Map<Object, Integer> multiset = new HashMap<>();
        for (Map.Entry<Object, long[]> e : ((Map<Object, long[]>) acc).entrySet()) {
            if (e.getValue()[0] > 0) {
                multiset.put(e.getKey(), distinct ? 1 : (int) e.getValue()[0]);
            }
        }
        return multiset;
    }
}
