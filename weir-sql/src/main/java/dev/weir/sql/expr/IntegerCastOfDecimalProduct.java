package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code CAST(x * 0.908 AS BIGINT)} for an integer {@code x} and a DECIMAL literal (Nexmark q1's currency
 * conversion), computed in {@code long}: {@code x * unscaled(literal) / 10^scale}, which truncates toward zero as the
 * cast of the exact decimal product does. No BigDecimal per row; a product that overflows a {@code long} takes
 * the general path ({@link Cast} of {@link Arithmetic}), so every result equals it.
 */
final class IntegerCastOfDecimalProduct extends Expr {
    private static final long serialVersionUID = 1L;

    private final Expr integer;
    private final long unscaled;
    // The literal's scale: the product divides by 10^scale.
    private final int scale;
    private final SqlTypeName to;
    private final Expr general;

    private IntegerCastOfDecimalProduct(Expr integer, long unscaled, int scale, SqlTypeName to, Expr general) {
        this.integer = integer;
        this.unscaled = unscaled;
        this.scale = scale;
        this.to = to;
        this.general = general;
    }

    /**
     * The fused form of {@code CAST(operand AS to)}, or null when it does not apply: {@code operand} must be a DECIMAL
     * product of an integer expression and a DECIMAL literal whose scale is the product's (nothing to round),
     * and {@code to} an integer type. {@code integer} compiles the integer factor, {@code general} is the plain form.
     */
    static Expr tryCreate(RexNode operand, RelDataType to, java.util.function.Function<RexNode, Expr> integer, Expr general) {
        if (!isInteger(to.getSqlTypeName()) || !(operand instanceof RexCall) || operand.getKind() != SqlKind.TIMES
                || operand.getType().getSqlTypeName() != SqlTypeName.DECIMAL) {
            return null;
        }
        List<RexNode> factors = ((RexCall) operand).getOperands();
        int literalAt = factors.get(0) instanceof RexLiteral ? 0 : factors.get(1) instanceof RexLiteral ? 1 : -1;
        if (literalAt < 0) {
            return null;
        }
        RexLiteral literal = (RexLiteral) factors.get(literalAt);
        RexNode other = factors.get(1 - literalAt);
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        int scale = operand.getType().getScale();
        if (value == null || literal.getType().getSqlTypeName() != SqlTypeName.DECIMAL || value.scale() != scale
                || scale < 0 || scale > 18 || value.unscaledValue().bitLength() > 62
                || !isInteger(other.getType().getSqlTypeName())) {
            return null;
        }
        return new IntegerCastOfDecimalProduct(integer.apply(other), value.unscaledValue().longValue(), scale,
                to.getSqlTypeName(), general);
    }

    private static boolean isInteger(SqlTypeName type) {
        return type == SqlTypeName.BIGINT || type == SqlTypeName.INTEGER || type == SqlTypeName.SMALLINT
                || type == SqlTypeName.TINYINT;
    }

    @Override
    public Object eval(Row row) {
        long result = evalLong(row);
        // Only a NULL factor makes the product NULL.
        if (result == MAYBE_NULL && integer.eval(row) == null) {
            return null;
        }
        switch (to) {
            case TINYINT:
                return (byte) result;
            case SMALLINT:
                return (short) result;
            case INTEGER:
                return (int) result;
            default:
                return result;
        }
    }

    @Override
    public long evalLong(Row row) {
        long v = integer.evalLong(row);
        if (isNull(v, integer, row)) {
            return MAYBE_NULL;
        }
        long product = v * unscaled;
        if (Math.multiplyHigh(v, unscaled) != (product >> 63)) {
            // The factor is not NULL, so neither is the decimal cast's result.
            return ((Number) general.eval(row)).longValue();
        }
        long result = unscale(product);
        return to == SqlTypeName.TINYINT ? (byte) result : to == SqlTypeName.SMALLINT ? (short) result
                : to == SqlTypeName.INTEGER ? (int) result : result;
    }

    /**
     * {@code product / 10^scale}, truncated toward zero. Each divisor is a literal, which the JIT turns into a
     * multiplication and shifts; a division by the power held in a field costs a hardware division (some 40 cycles,
     * the largest cost of workload 12c's projection).
     */
    private long unscale(long product) {
        switch (scale) {
            case 0: return product;
            case 1: return product / 10L;
            case 2: return product / 100L;
            case 3: return product / 1_000L;
            case 4: return product / 10_000L;
            case 5: return product / 100_000L;
            case 6: return product / 1_000_000L;
            case 7: return product / 10_000_000L;
            case 8: return product / 100_000_000L;
            case 9: return product / 1_000_000_000L;
            case 10: return product / 10_000_000_000L;
            case 11: return product / 100_000_000_000L;
            case 12: return product / 1_000_000_000_000L;
            case 13: return product / 10_000_000_000_000L;
            case 14: return product / 100_000_000_000_000L;
            case 15: return product / 1_000_000_000_000_000L;
            case 16: return product / 10_000_000_000_000_000L;
            case 17: return product / 100_000_000_000_000_000L;
            default: return product / 1_000_000_000_000_000_000L;
        }
    }
}
