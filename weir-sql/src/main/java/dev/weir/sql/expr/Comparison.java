package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.math.BigDecimal;

/**
 * {@code =}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=}; NULL when either side is NULL. Two integer
 * operands compare as {@code long}s from {@link Expr#evalLong(Row)}, boxing nothing.
 */
final class Comparison extends Expr {
    private static final long serialVersionUID = 1L;

    enum Op { EQ, NE, LT, LE, GT, GE }

    private final Op op;
    private final Expr left;
    private final Expr right;
    // Both operands are of integer types: compared by evalLong.
    private final boolean integers;

    Comparison(Op op, Expr left, Expr right, boolean integers) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.integers = integers;
    }

    @Override
    public boolean isTrue(Row row) {
        if (!integers) {
            return super.isTrue(row);
        }
        long l = left.evalLong(row);
        if (isNull(l, left, row)) {
            return false;
        }
        long r = right.evalLong(row);
        return !isNull(r, right, row) && holds(Long.compare(l, r));
    }

    @Override
    public Object eval(Row row) {
        if (integers) {
            long l = left.evalLong(row);
            if (isNull(l, left, row)) {
                return null;
            }
            long r = right.evalLong(row);
            return isNull(r, right, row) ? null : holds(Long.compare(l, r));
        }
        Object l = left.eval(row);
        if (l == null) {
            return null;
        }
        Object r = right.eval(row);
        if (r == null) {
            return null;
        }
        return holds(compare(l, r));
    }

    private boolean holds(int c) {
        switch (op) {
            case EQ:
                return c == 0;
            case NE:
                return c != 0;
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            case GT:
                return c > 0;
            default:
                return c >= 0;
        }
    }

    /** Orders two non-null SQL values of comparable types; numbers of different classes compare by value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object l, Object r) {
        // The common column types first, by their final classes: one type check each instead of a call to
        // Comparable.compareTo, which sees every type of the JVM's queries and is megamorphic there.
        if (l instanceof Long && r instanceof Long) {
            return Long.compare((Long) l, (Long) r);
        }
        if (l instanceof Integer && r instanceof Integer) {
            return Integer.compare((Integer) l, (Integer) r);
        }
        if (l.getClass() == r.getClass()) {
            return ((Comparable) l).compareTo(r);
        }
        if (l instanceof Number && r instanceof Number) {
            if (l instanceof BigDecimal || r instanceof BigDecimal) {
                return NumericKind.decimal(l).compareTo(NumericKind.decimal(r));
            }
            if (l instanceof Double || l instanceof Float || r instanceof Double || r instanceof Float) {
                return Double.compare(((Number) l).doubleValue(), ((Number) r).doubleValue());
            }
            return Long.compare(((Number) l).longValue(), ((Number) r).longValue());
        }
        return l.toString().compareTo(r.toString());
    }
}
