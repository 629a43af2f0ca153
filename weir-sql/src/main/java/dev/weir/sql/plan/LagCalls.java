package dev.weir.sql.plan;

import dev.weir.sql.expr.ExprCompiler;
import dev.weir.sql.runtime.agg.LagAggregate;
import dev.weir.sql.types.FlinkTypeStrings;
import dev.weir.table.api.ValidationException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Plans {@code LAG(value [, offset [, default]]) OVER (...)} as a {@link LagAggregate}, refusing while planning what
 * Flink 2.3 refuses or gets wrong: an offset that is no INT literal (Flink fails the running job on a negative one), and
 * a default of another type than the value's (Flink asks for an explicit cast, and reads a DECIMAL of another scale
 * with the value's scale).
 */
final class LagCalls {
    private LagCalls() {
    }

    static LagAggregate of(RexOver over, ExprCompiler compiler) {
        List<RexNode> operands = over.getOperands();
        RexNode value = operands.get(0);
        int offset = 1;
        if (operands.size() > 1) {
            RexNode given = operands.get(1);
            Integer literal = given instanceof RexLiteral && given.getType().getSqlTypeName() == SqlTypeName.INTEGER
                    ? ((RexLiteral) given).getValueAs(Integer.class) : null;
            if (literal == null) {
                throw refusal("an offset that is no INT literal (" + given + ")", "write a constant number of rows, e.g. "
                        + "LAG(x, 2)");
            }
            if (literal < 0) {
                throw refusal("a negative offset (" + literal + "; Flink fails the running job with 'Offset(" + literal
                        + ") should be positive.')", "write the number of rows before the current one, e.g. LAG(x, "
                        + -literal + ")");
            }
            offset = literal;
        }
        RexNode defaultValue = operands.size() > 2 ? operands.get(2) : null;
        if (defaultValue != null && !sameType(value.getType(), defaultValue.getType())) {
            String type = FlinkTypeStrings.of(value.getType(), false).replace(" NOT NULL", "");
            throw refusal("a default of another type than the value's (Please explicitly cast default value "
                    + FlinkTypeStrings.of(defaultValue.getType(), false) + " to " + type + ".)",
                    "cast the default, e.g. LAG(x, 1, CAST(0 AS " + type + "))");
        }
        return new LagAggregate(compiler.compile(value), offset, defaultValue == null || RexLiteral.isNullLiteral(defaultValue)
                ? null : compiler.compile(defaultValue));
    }

    // The same type but for nullability, a CHAR's length against a VARCHAR, and a DECIMAL's precision (not its scale).
    private static boolean sameType(RelDataType value, RelDataType defaultValue) {
        if (defaultValue.getSqlTypeName() == SqlTypeName.NULL) {
            return true;
        }
        if (SqlTypeFamily.CHARACTER.contains(value) && SqlTypeFamily.CHARACTER.contains(defaultValue)) {
            return true;
        }
        if (value.getSqlTypeName() != defaultValue.getSqlTypeName()) {
            return false;
        }
        return value.getSqlTypeName() != SqlTypeName.DECIMAL || value.getScale() == defaultValue.getScale();
    }

    private static ValidationException refusal(String what, String instead) {
        return new ValidationException("Weir SQL does not support LAG with " + what + "; " + instead);
    }
}
