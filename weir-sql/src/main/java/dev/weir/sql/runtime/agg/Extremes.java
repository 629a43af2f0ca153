package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;

/**
 * MIN and MAX. Over an updating input, values are counted in sorted order ({@link SortedCounts}) so that a retracted
 * value leaves the next smallest (or largest) in place, as Flink's retractable MIN/MAX do; over an insert-only input
 * only the extreme is kept.
 */
final class Extremes {
    private Extremes() {
    }

    /** Natural order, serializable so that the sorted map can be snapshotted as state. */
    static final class NaturalOrder implements java.util.Comparator<Object>, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        static final NaturalOrder INSTANCE = new NaturalOrder();

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public int compare(Object a, Object b) {
            return ((Comparable) a).compareTo(b);
        }
    }

    /** MIN or MAX over an updating input: every value held is counted, so retracting the extreme leaves the next. */
    static final class MinMax extends AggCall {
        private static final long serialVersionUID = 1L;
        private final boolean max;

        MinMax(int arg, int filterArg, boolean max) {
            super(arg, filterArg);
            this.max = max;
        }

        @Override
        public Object createAccumulator() {
            return new SortedCounts();
        }

        @Override
        public Object accumulate(Object acc, Row row) {
            Object v = row.getField(arg);
            if (v != null && applies(row)) {
                ((SortedCounts) acc).add(v, 1);
            }
            return acc;
        }

        @Override
        public Object retract(Object acc, Row row) {
            Object v = row.getField(arg);
            if (v != null && applies(row)) {
                ((SortedCounts) acc).remove(v);
            }
            return acc;
        }

        @Override
        public Object merge(Object a, Object b) {
            return ((SortedCounts) a).union((SortedCounts) b);
        }

        @Override
        public Object result(Object acc) {
            SortedCounts values = (SortedCounts) acc;
            return values.isEmpty() ? null : max ? values.last() : values.first();
        }
    }

    /**
     * MIN or MAX over an insert-only input (a window aggregate): just the current extreme, no sorted map, so that an
     * element costs one comparison.
     */
    static final class InsertOnlyMinMax extends AggCall {
        private static final long serialVersionUID = 1L;
        private final boolean max;

        InsertOnlyMinMax(int arg, int filterArg, boolean max) {
            super(arg, filterArg);
            this.max = max;
        }

        /** The extreme so far, null before the first non-null value. */
        static final class Holder implements java.io.Serializable {
            private static final long serialVersionUID = 1L;
            Object value;
        }

        @Override
        public Object createAccumulator() {
            return new Holder();
        }

        @Override
        public Object accumulate(Object acc, Row row) {
            Object v = row.getField(arg);
            if (v != null && applies(row)) {
                Holder h = (Holder) acc;
                if (h.value == null || better(v, h.value)) {
                    h.value = v;
                }
            }
            return acc;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private boolean better(Object candidate, Object current) {
            int c = ((Comparable) candidate).compareTo(current);
            return max ? c > 0 : c < 0;
        }

        @Override
        public boolean canRetract() {
            return false;
        }

        @Override
        public Object merge(Object a, Object b) {
            Holder x = (Holder) a;
            Holder y = (Holder) b;
            Holder m = new Holder();
            m.value = x.value == null ? y.value : y.value == null ? x.value : better(y.value, x.value) ? y.value : x.value;
            return m;
        }

        @Override
        public Object result(Object acc) {
            return ((Holder) acc).value;
        }
    }
}
