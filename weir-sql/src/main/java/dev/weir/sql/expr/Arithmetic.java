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

    Arithmetic(Op op, NumericKind kind, int scale, Expr left, Expr right) {
        this.op = op;
        this.kind = kind;
        this.scale = scale;
        this.left = left;
        this.right = right;
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
            long a = ((Number) l).longValue();
            long b = ((Number) r).longValue();
            switch (op) {
                case PLUS:
                    return kind.box(a + b);
                case MINUS:
                    return kind.box(a - b);
                case TIMES:
                    return kind.box(a * b);
                case DIVIDE:
                    return kind.box(a / b);
                default:
                    return kind.box(a % b);
            }
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
}
