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
    private final long divisor;
    private final SqlTypeName to;
    private final Expr general;

    private IntegerCastOfDecimalProduct(Expr integer, long unscaled, long divisor, SqlTypeName to, Expr general) {
        this.integer = integer;
        this.unscaled = unscaled;
        this.divisor = divisor;
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
        return new IntegerCastOfDecimalProduct(integer.apply(other), value.unscaledValue().longValue(),
                BigDecimal.TEN.pow(scale).longValueExact(), to.getSqlTypeName(), general);
    }

    private static boolean isInteger(SqlTypeName type) {
        return type == SqlTypeName.BIGINT || type == SqlTypeName.INTEGER || type == SqlTypeName.SMALLINT
                || type == SqlTypeName.TINYINT;
    }

    @Override
    public Object eval(Row row) {
        Object v = integer.eval(row);
        if (v == null) {
            return null;
        }
        long x = ((Number) v).longValue();
        long product = x * unscaled;
        if (Math.multiplyHigh(x, unscaled) != (product >> 63)) {
            return general.eval(row);
        }
        long result = product / divisor;
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
}
