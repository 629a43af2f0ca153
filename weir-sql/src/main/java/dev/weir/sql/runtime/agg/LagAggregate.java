package dev.weir.sql.runtime.agg;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import java.io.Serializable;

/**
 * LAG(value [, offset [, default]]) in an OVER window ordered by event time: the value of the row {@code offset} rows
 * before the last one added, or the default (evaluated on the last row added, so a column default is that row's) when
 * the partition has not seen that many rows yet. As in Flink, rows of the same time are all added before any result is
 * read, so they share the value {@code offset} rows before the last of them. Insert-only: it never retracts or merges.
 */
public final class LagAggregate extends AggCall {
    private static final long serialVersionUID = 1L;

    private final Expr value;
    private final int offset;
    private final Expr defaultValue;

    /** {@code defaultValue} null for NULL; {@code offset} at least 0 (0 is the last row's own value). */
    public LagAggregate(Expr value, int offset, Expr defaultValue) {
        super(-1, -1);
        this.value = java.util.Objects.requireNonNull(value, "value");
        this.offset = offset;
        this.defaultValue = defaultValue;
    }

    @Override
    public Object createAccumulator() {
        return new Recent(offset + 1);
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        Recent recent = (Recent) acc;
        recent.add(value.eval(row), defaultValue == null ? null : defaultValue.eval(row));
        return recent;
    }

    @Override
    public boolean canRetract() {
        return false;
    }

    @Override
    public Object merge(Object a, Object b) {
        throw new UnsupportedOperationException("LAG runs in OVER windows only, which never merge accumulators");
    }

    @Override
    public Object result(Object acc) {
        return ((Recent) acc).lagging();
    }

    /** The last {@code capacity} values in a ring, and the default of the last row added. */
    static final class Recent implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Object[] values;
        private int size;
        private int next;
        private Object lastDefault;

        Recent(int capacity) {
            values = new Object[capacity];
        }

        void add(Object value, Object defaultOfRow) {
            values[next] = value;
            next = next + 1 == values.length ? 0 : next + 1;
            if (size < values.length) {
                size++;
            }
            lastDefault = defaultOfRow;
        }

        // The oldest value in the ring, once it is full: the one `capacity - 1` rows before the last.
        Object lagging() {
            return size < values.length ? lastDefault : values[next];
        }
    }
}
