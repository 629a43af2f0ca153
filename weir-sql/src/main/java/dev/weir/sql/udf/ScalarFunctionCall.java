package dev.weir.sql.udf;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A call of a user-defined scalar function in a compiled expression. */
public final class ScalarFunctionCall extends Expr {
    private static final long serialVersionUID = 1L;

    private final FunctionInvoker invoker;
    private final Expr[] operands;
    /** The declared scale of a DECIMAL result, which Weir rounds to as Flink does; -1 for other types. */
    private final int decimalScale;
    private transient Object[] values;

    public ScalarFunctionCall(FunctionInvoker invoker, Expr[] operands, int decimalScale) {
        this.invoker = invoker;
        this.operands = operands.clone();
        this.decimalScale = decimalScale;
    }

    @Override
    public Object eval(Row row) {
        if (values == null) {
            values = new Object[operands.length];
        }
        for (int i = 0; i < operands.length; i++) {
            values[i] = operands[i].eval(row);
        }
        Object result = JavaValues.toInternal(invoker.invoke(null, values));
        if (decimalScale >= 0 && result instanceof BigDecimal) {
            result = ((BigDecimal) result).setScale(decimalScale, RoundingMode.HALF_UP);
        }
        return result;
    }
}
