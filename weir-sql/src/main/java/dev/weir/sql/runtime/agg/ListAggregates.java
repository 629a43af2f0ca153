package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flink's LISTAGG(expr [, separator]) and ARRAY_AGG([DISTINCT] expr): the values in the order they arrived, a
 * retracted row taking out the first equal value, as Flink's retracting versions do. LISTAGG skips NULLs, joins with
 * {@code ','} by default and is NULL without a value; ARRAY_AGG keeps NULLs (Flink's RESPECT NULLS) and is NULL for
 * no row at all.
 */
public final class ListAggregates {
    private ListAggregates() {
    }

    /** The values, and LISTAGG's separator (a constant column, read with the first value). */
    static final class Values implements Serializable {
        private static final long serialVersionUID = 1L;
        final ArrayList<Object> values = new ArrayList<>();
        String separator;
    }

    /** The values of the rows in arrival order (NULLs too unless {@code skipsNulls}); a retraction removes the first equal one. */
    private abstract static class ValueList extends AggCall {
        private static final long serialVersionUID = 1L;
        private final boolean skipsNulls;

        ValueList(int arg, int filterArg, boolean skipsNulls) {
            super(arg, filterArg);
            this.skipsNulls = skipsNulls;
        }

        /** Called with the row of a group's first value (LISTAGG reads its separator there). */
        void first(Values values, Row row) {
        }

        @Override
        public Object createAccumulator() {
            return new Values();
        }

        @Override
        public Object accumulate(Object acc, Row row) {
            Object value = row.getField(arg);
            if (applies(row) && (value != null || !skipsNulls)) {
                Values values = (Values) acc;
                if (values.values.isEmpty()) {
                    first(values, row);
                }
                values.values.add(value);
            }
            return acc;
        }

        @Override
        public Object retract(Object acc, Row row) {
            Object value = row.getField(arg);
            if (applies(row) && (value != null || !skipsNulls)) {
                removeFirst(((Values) acc).values, value);
            }
            return acc;
        }

        @Override
        public Object merge(Object a, Object b) {
            return merged((Values) a, (Values) b);
        }
    }

    /** LISTAGG: the non-NULL values' text joined by the separator. */
    public static final class ListAgg extends ValueList {
        private static final long serialVersionUID = 1L;
        private final int separatorArg;

        /** {@code separatorArg} is the separator's column, or -1 for Flink's default {@code ','}. */
        public ListAgg(int arg, int separatorArg, int filterArg) {
            super(arg, filterArg, true);
            this.separatorArg = separatorArg;
        }

        @Override
        void first(Values values, Row row) {
            Object separator = separatorArg < 0 ? "," : row.getField(separatorArg);
            values.separator = separator == null ? "," : separator.toString();
        }

        @Override
        public Object result(Object acc) {
            Values values = (Values) acc;
            if (values.values.isEmpty()) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < values.values.size(); i++) {
                if (i > 0) {
                    text.append(values.separator);
                }
                text.append(values.values.get(i));
            }
            return text.toString();
        }
    }

    /** ARRAY_AGG: the values (NULLs included; each value once for DISTINCT) as an ARRAY ({@code Object[]}). */
    public static final class ArrayAgg extends ValueList {
        private static final long serialVersionUID = 1L;
        private final boolean distinct;

        public ArrayAgg(int arg, int filterArg, boolean distinct) {
            super(arg, filterArg, false);
            this.distinct = distinct;
        }

        @Override
        public Object result(Object acc) {
            List<Object> values = ((Values) acc).values;
            if (values.isEmpty()) {
                return null;
            }
            if (!distinct) {
                return values.toArray();
            }
            List<Object> result = new ArrayList<>(values.size());
            for (Object v : values) {
                if (!result.contains(v)) {
                    result.add(v);
                }
            }
            return result.toArray();
        }
    }

    private static Values merged(Values a, Values b) {
        Values merged = new Values();
        merged.values.addAll(a.values);
        merged.values.addAll(b.values);
        merged.separator = a.separator != null ? a.separator : b.separator;
        return merged;
    }

    private static void removeFirst(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (Objects.equals(values.get(i), value)) {
                values.remove(i);
                return;
            }
        }
    }
}
