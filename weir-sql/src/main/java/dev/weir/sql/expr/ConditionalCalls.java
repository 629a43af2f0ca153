package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's GREATEST and LEAST: the greatest (least) of the arguments, NULL if any argument is NULL, as Flink's; the
 * winner is converted to the result type (the arguments' common type), so {@code GREATEST(1, 2.5)} is {@code 2.5}
 * and {@code GREATEST(int_col, 2.50)} a DECIMAL of the result's scale. (IF, IFNULL and IS [NOT] DISTINCT FROM reach
 * the compiler as CASE, COALESCE and comparisons.)
 */
final class ConditionalCalls extends Expr {
    private static final long serialVersionUID = 1L;

    private final boolean greatest;
    private final Expr[] args;
    private final NumericKind kind; // null for a non-numeric result
    private final int scale;

    private ConditionalCalls(boolean greatest, Expr[] args, RelDataType type) {
        this.greatest = greatest;
        this.args = args;
        this.kind = SqlTypeName.NUMERIC_TYPES.contains(type.getSqlTypeName()) ? NumericKind.of(type) : null;
        this.scale = Math.max(0, type.getScale());
    }

    /** The call of GREATEST or LEAST, or null when {@code name} is neither. */
    static Expr of(String name, RelDataType type, Expr[] args) {
        if (!name.equals("GREATEST") && !name.equals("LEAST")) {
            return null;
        }
        return new ConditionalCalls(name.equals("GREATEST"), args, type);
    }

    @Override
    public Object eval(Row row) {
        Object best = null;
        for (Expr arg : args) {
            Object v = arg.eval(row);
            if (v == null) {
                return null;
            }
            if (best == null) {
                best = v;
            } else {
                int c = Comparison.compare(v, best);
                if (greatest ? c > 0 : c < 0) {
                    best = v;
                }
            }
        }
        return kind == null ? best : convert(best);
    }

    private Object convert(Object v) {
        if (kind == NumericKind.DECIMAL) {
            return NumericKind.decimal(v).setScale(scale, RoundingMode.HALF_UP);
        }
        if (kind.isIntegral()) {
            return kind.box(((Number) v).longValue());
        }
        return kind.boxDouble(((Number) v).doubleValue());
    }
}
