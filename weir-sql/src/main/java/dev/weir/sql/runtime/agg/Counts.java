package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;
import java.util.HashMap;
import java.util.Map;

/** COUNT(*), COUNT(x) (non-null values) and COUNT(DISTINCT x); results are BIGINT NOT NULL. */
final class Counts {
    private Counts() {
    }

    /** A counter in one long, mutated in place. */
    static final class Counter implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long count;
    }

    static final class Count extends AggCall {
        private static final long serialVersionUID = 1L;

        Count(int arg, int filterArg) {
            super(arg, filterArg);
        }

        @Override
        public Object createAccumulator() {
            return new Counter();
        }

        @Override
        public Object accumulate(Object acc, Row row) {
            if (applies(row) && (arg < 0 || row.getField(arg) != null)) {
                ((Counter) acc).count++;
            }
            return acc;
        }

        @Override
        public Object retract(Object acc, Row row) {
            if (applies(row) && (arg < 0 || row.getField(arg) != null)) {
                ((Counter) acc).count--;
            }
            return acc;
        }

        @Override
        public Object merge(Object a, Object b) {
            Counter c = new Counter();
            c.count = ((Counter) a).count + ((Counter) b).count;
            return c;
        }

        @Override
        public Object result(Object acc) {
            return ((Counter) acc).count;
        }

        @Override
        public Object result(Object acc, Object previous) {
            return sameOrBoxed(((Counter) acc).count, previous);
        }
    }

    /** COUNT(DISTINCT x): how many times each value was seen, so that retractions work. */
    static final class CountDistinct extends AggCall {
        private static final long serialVersionUID = 1L;

        CountDistinct(int arg, int filterArg) {
            super(arg, filterArg);
        }

        @Override
        public Object createAccumulator() {
            return new HashMap<Object, Long>();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object accumulate(Object acc, Row row) {
            Object v = row.getField(arg);
            if (applies(row) && v != null) {
                ((Map<Object, Long>) acc).merge(v, 1L, Long::sum);
            }
            return acc;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object retract(Object acc, Row row) {
            Object v = row.getField(arg);
            if (applies(row) && v != null) {
                Map<Object, Long> seen = (Map<Object, Long>) acc;
                Long left = seen.merge(v, -1L, Long::sum);
                if (left != null && left <= 0) {
                    seen.remove(v);
                }
            }
            return acc;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object merge(Object a, Object b) {
            Map<Object, Long> merged = new HashMap<>((Map<Object, Long>) a);
            ((Map<Object, Long>) b).forEach((k, v) -> merged.merge(k, v, Long::sum));
            return merged;
        }

        @Override
        public Object result(Object acc) {
            return (long) ((Map<?, ?>) acc).size();
        }
    }
}
