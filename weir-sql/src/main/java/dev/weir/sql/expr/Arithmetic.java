package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.math.BigDecimal;

/** {@code +}, {@code -}, {@code *}, {@code /}, {@code %} on two operands, computed in the result's {@link NumericKind}. */
final class Arithmetic extends Expr {
    private static final long serialVersionUID = 1L;

    enum Op { PLUS, MINUS, TIMES, DIVIDE, MOD }

    private final Op op;
    private final NumericKind kind;
    private final int scale;
    private final Expr left;
    private final Expr right;

    // k where the divisor of DIVIDE or MOD is the integer constant 2^k: shifts instead of a hardware division of
    // some 40 cycles (MOD(auction, 2)); -1 otherwise.
    private final int shift;

    Arithmetic(Op op, NumericKind kind, int scale, Expr left, Expr right) {
        this.op = op;
        this.kind = kind;
        this.scale = scale;
        this.left = left;
        this.right = right;
        this.shift = kind.isIntegral() && (op == Op.DIVIDE || op == Op.MOD) ? powerOfTwo(right) : -1;
    }

    private static int powerOfTwo(Expr e) {
        if (!(e instanceof Leaf.Constant)) {
            return -1;
        }
        Object v = ((Leaf.Constant) e).value();
        if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            return -1;
        }
        long d = ((Number) v).longValue();
        return d > 0 && Long.bitCount(d) == 1 ? Long.numberOfTrailingZeros(d) : -1;
    }

    @Override
    public Object eval(Row row) {
        Object l = left.eval(row);
        if (l == null) {
            return null;
        }
        Object r = right.eval(row);
        if (r == null) {
            return null;
        }
        if (kind.isIntegral()) {
            return kind.box(integral(((Number) l).longValue(), ((Number) r).longValue()));
        }
        if (kind == NumericKind.DECIMAL) {
            BigDecimal a = NumericKind.decimal(l);
            BigDecimal b = NumericKind.decimal(r);
            BigDecimal result;
            switch (op) {
                case PLUS:
                    result = a.add(b);
                    break;
                case MINUS:
                    result = a.subtract(b);
                    break;
                case TIMES:
                    result = a.multiply(b);
                    break;
                case DIVIDE:
                    result = a.divide(b, NumericKind.DIVISION);
                    break;
                default:
                    result = a.remainder(b);
            }
            return NumericKind.scaled(result, scale);
        }
        double a = ((Number) l).doubleValue();
        double b = ((Number) r).doubleValue();
        switch (op) {
            case PLUS:
                return kind.boxDouble(a + b);
            case MINUS:
                return kind.boxDouble(a - b);
            case TIMES:
                return kind.boxDouble(a * b);
            case DIVIDE:
                return kind.boxDouble(a / b);
            default:
                return kind.boxDouble(a % b);
        }
    }

    @Override
    public long evalLong(Row row) {
        if (!kind.isIntegral()) {
            return super.evalLong(row);
        }
        long a = left.evalLong(row);
        if (isNull(a, left, row)) {
            return MAYBE_NULL;
        }
        long b = right.evalLong(row);
        if (isNull(b, right, row)) {
            return MAYBE_NULL;
        }
        return kind.narrow(integral(a, b));
    }

    /** The operation in {@code long}, as Java computes it (wrapping on overflow, ArithmeticException for a zero divisor). */
    private long integral(long a, long b) {
        switch (op) {
            case PLUS:
                return a + b;
            case MINUS:
                return a - b;
            case TIMES:
                return a * b;
            case DIVIDE:
                return shift >= 0 ? quotient(a) : a / b;
            default:
                return shift >= 0 ? a - (quotient(a) << shift) : a % b;
        }
    }

    // a / 2^shift rounded toward zero, as Java's division: a negative dividend is biased by the divisor less one.
    private long quotient(long a) {
        return (a + ((a >> 63) & ((1L << shift) - 1))) >> shift;
    }
}
