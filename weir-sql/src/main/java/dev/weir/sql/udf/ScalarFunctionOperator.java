package dev.weir.sql.udf;

import dev.weir.sql.expr.CompiledCall;
import dev.weir.sql.expr.Expr;
import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.functions.ScalarFunction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/** A registered {@link ScalarFunction} as a SQL function: its types from its {@code eval} methods. */
public final class ScalarFunctionOperator extends SqlFunction implements CompiledCall {
    private final ScalarFunction function;
    private final List<Method> evals;

    public ScalarFunctionOperator(String name, ScalarFunction function) {
        this(name, function, Evals.named(function.getClass(), "eval"));
    }

    private ScalarFunctionOperator(String name, ScalarFunction function, List<Method> evals) {
        super(name, SqlKind.OTHER_FUNCTION,
                binding -> {
                    Method m = Evals.choose(evals, binding.collectOperandTypes(), 0);
                    return JavaTypes.sqlType(binding.getTypeFactory(), m.getReturnType(), m.getAnnotation(DataTypeHint.class),
                            "the result of " + name + "'s eval");
                },
                null, new EvalOperandChecker(name, evals, 0), SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.function = function;
        this.evals = evals;
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }

    @Override
    public Expr compile(RexCall call, Expr[] operands) {
        List<RelDataType> types = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            types.add(operand.getType());
        }
        Method eval = Evals.choose(evals, types, 0);
        int scale = call.getType().getSqlTypeName() == SqlTypeName.DECIMAL ? call.getType().getScale() : -1;
        return new ScalarFunctionCall(new FunctionInvoker(function, getName(), eval), operands, scale);
    }
}
