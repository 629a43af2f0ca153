package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** ABS, FLOOR, CEIL and unary minus on numbers, keeping the operand's Java type. */
final class Numeric extends Expr {
    private static final long serialVersionUID = 1L;

    enum Fn { ABS, FLOOR, CEIL, NEGATE }

    private final Fn fn;
    private final Expr operand;
    private final NumericKind kind;

    Numeric(Fn fn, Expr operand, NumericKind kind) {
        this.fn = fn;
        this.operand = operand;
        this.kind = kind;
    }

    @Override
    public Object eval(Row row) {
        Object v = operand.eval(row);
        if (v == null) {
            return null;
        }
        if (kind.isIntegral()) {
            long x = ((Number) v).longValue();
            switch (fn) {
                case ABS:
                    return kind.box(Math.abs(x));
                case NEGATE:
                    return kind.box(-x);
                default:
                    return kind.box(x);
            }
        }
        if (kind == NumericKind.DECIMAL) {
            BigDecimal x = NumericKind.decimal(v);
            switch (fn) {
                case ABS:
                    return x.abs();
                case NEGATE:
                    return x.negate();
                case FLOOR:
                    return x.setScale(0, RoundingMode.FLOOR);
                default:
                    return x.setScale(0, RoundingMode.CEILING);
            }
        }
        double x = ((Number) v).doubleValue();
        switch (fn) {
            case ABS:
                return kind.boxDouble(Math.abs(x));
            case NEGATE:
                return kind.boxDouble(-x);
            case FLOOR:
                return kind.boxDouble(Math.floor(x));
            default:
                return kind.boxDouble(Math.ceil(x));
        }
    }
}
