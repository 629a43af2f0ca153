package dev.weir.python;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.java.tuple.Tuple;
import java.util.List;

/**
 * {@code sum}, {@code min} and {@code max} of one position of a Python stream's tuples (or lists), in the JVM, with
 * Flink's semantics: the result is the first record of the key (or window) with the aggregated field replaced.
 */
final class FieldAggregation implements ReduceFunction<Object> {
    private static final long serialVersionUID = 1L;

    /** The aggregate. */
    enum Kind { SUM, MIN, MAX }

    private final Kind kind;
    private final int position;
    private final String call;

    FieldAggregation(Kind kind, int position, String call) {
        this.kind = kind;
        this.position = position;
        this.call = call;
    }

    @Override
    public Object reduce(Object accumulated, Object value) {
        Keyed a = (Keyed) accumulated;
        Object left = field(a.value());
        Object right = field(((Keyed) value).value());
        return new Keyed(a.key(), withField(a.value(), combine(left, right)));
    }

    private Object combine(Object left, Object right) {
        if (left instanceof Long l && right instanceof Long r) {
            switch (kind) {
                case SUM: return l + r;
                case MIN: return Math.min(l, r);
                default: return Math.max(l, r);
            }
        }
        if (left instanceof Number l && right instanceof Number r) {
            double x = l.doubleValue();
            double y = r.doubleValue();
            switch (kind) {
                case SUM: return x + y;
                case MIN: return Math.min(x, y);
                default: return Math.max(x, y);
            }
        }
        throw new IllegalArgumentException(call + " needs numbers at position " + position + ", but got " + left + " and "
                + right + "; aggregate a numeric field, or use reduce(...) for other values");
    }

    private Object field(Object record) {
        if (record instanceof Tuple t && position < t.getArity()) {
            return t.getField(position);
        }
        if (record instanceof List<?> list && position < list.size()) {
            return list.get(position);
        }
        throw new IllegalArgumentException(call + " reads position " + position + " of each record, but the record "
                + record + " has no such position; aggregate tuples or lists, e.g. map each record to (key, count)");
    }

    @SuppressWarnings("unchecked")
    private Object withField(Object record, Object field) {
        if (record instanceof Tuple t) {
            Tuple copy = t.copy();
            copy.setField(field, position);
            return copy;
        }
        List<Object> copy = new java.util.ArrayList<>((List<Object>) record);
        copy.set(position, field);
        return copy;
    }
}
