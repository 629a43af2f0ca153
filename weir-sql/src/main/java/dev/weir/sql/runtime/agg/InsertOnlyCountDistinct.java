package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;
import java.util.HashSet;
import java.util.Set;

/**
 * COUNT(DISTINCT x) over an insert-only input (no row is ever taken back): the set of values seen, without the count
 * per value that retractions need; integer columns (BIGINT, INT, SMALLINT, TINYINT) in a {@link DistinctLongs}, other
 * types in a {@code HashSet}. Nexmark q15 and q16 run twelve of these per bid.
 */
final class InsertOnlyCountDistinct extends AggCall {
    private static final long serialVersionUID = 1L;
    private final boolean integers;

    /** {@code integers}: the argument column is BIGINT, INT, SMALLINT or TINYINT. */
    InsertOnlyCountDistinct(int arg, int filterArg, boolean integers) {
        super(arg, filterArg);
        this.integers = integers;
    }

    /** True when the argument column is an integer type, whose values a {@link DistinctLongs} holds. */
    boolean integers() {
        return integers;
    }

    @Override
    public Object createAccumulator() {
        return integers ? new DistinctLongs(1) : new HashSet<Object>();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object accumulate(Object acc, Row row) {
        Object v = row.getField(arg);
        if (v != null && applies(row)) {
            if (integers) {
                ((DistinctLongs) acc).add(((Number) v).longValue(), 1);
            } else {
                ((Set<Object>) acc).add(v);
            }
        }
        return acc;
    }

    @Override
    public boolean canRetract() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object merge(Object a, Object b) {
        if (integers) {
            return ((DistinctLongs) a).union((DistinctLongs) b);
        }
        Set<Object> union = new HashSet<>((Set<Object>) a);
        union.addAll((Set<Object>) b);
        return union;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object result(Object acc) {
        return (long) (integers ? ((DistinctLongs) acc).count(0) : ((Set<Object>) acc).size());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object result(Object acc, Object previous) {
        return sameOrBoxed(integers ? ((DistinctLongs) acc).count(0) : ((Set<Object>) acc).size(), previous);
    }
}
