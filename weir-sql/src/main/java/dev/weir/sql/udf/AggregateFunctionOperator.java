package dev.weir.sql.udf;

import dev.weir.sql.runtime.agg.AggCall;
import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.api.ValidationException;
import dev.weir.table.functions.AggregateFunction;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Optionality;

/**
 * A registered {@link AggregateFunction} as a SQL aggregate: its arguments from {@code accumulate}'s parameters after
 * the accumulator, its result type from {@code getValue}'s return type (or a {@link DataTypeHint} on it).
 */
public final class AggregateFunctionOperator extends SqlAggFunction {
    private final AggregateFunction<?, ?> function;
    private final List<Method> accumulates;

    public AggregateFunctionOperator(String name, AggregateFunction<?, ?> function) {
        this(name, function, Evals.named(function.getClass(), "accumulate"));
    }

    private AggregateFunctionOperator(String name, AggregateFunction<?, ?> function, List<Method> accumulates) {
        super(name, new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                binding -> {
                    Method getValue = getValue(function);
                    DataTypeHint hint = getValue.getAnnotation(DataTypeHint.class);
                    return JavaTypes.sqlType(binding.getTypeFactory(), getValue.getReturnType(),
                            hint != null ? hint : JavaTypes.resultHint(function.getClass()), "the result of " + name + "'s getValue");
                },
                null, new EvalOperandChecker(name, accumulates, 1), SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false,
                Optionality.FORBIDDEN);
        this.function = function;
        this.accumulates = accumulates;
    }

    /** The most specific public getValue: a generic class also has the erased bridge method returning Object. */
    private static Method getValue(AggregateFunction<?, ?> function) {
        Method best = null;
        for (Method m : function.getClass().getMethods()) {
            if (m.getName().equals("getValue") && m.getParameterCount() == 1 && !m.isBridge()) {
                best = m;
            }
        }
        if (best == null) {
            throw new ValidationException("Aggregate function class " + function.getClass().getName() + " has no getValue(ACC)");
        }
        return best;
    }

    /** The runtime call for {@code call} over rows of {@code inputType}. */
    public AggCall create(AggregateCall call, RelDataType inputType) {
        if (call.isDistinct()) {
            throw new ValidationException(getName() + "(DISTINCT ...) is not supported for user-defined aggregates yet; "
                    + "SELECT DISTINCT in a subquery first");
        }
        int[] args = Evals.arguments(call);
        Method accumulate = Evals.accumulate(accumulates, args, inputType);
        Method retract = sameParameters(function.getClass(), "retract", accumulate);
        Method merge = Evals.merge(function.getClass());
        return new UserAggCall(getName(), function, args, call.filterArg, accumulate, retract, merge);
    }

    private static Method sameParameters(Class<?> type, String name, Method like) {
        try {
            return type.getMethod(name, like.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
