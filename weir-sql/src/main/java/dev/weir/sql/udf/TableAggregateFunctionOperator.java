package dev.weir.sql.udf;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.sql.runtime.GroupTableAggregateFunction;
import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.api.ValidationException;
import dev.weir.table.functions.TableAggregateFunction;
import dev.weir.util.Collector;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Optionality;

/**
 * A registered {@link TableAggregateFunction} as a SQL aggregate whose value is one emitted row, a ROW: its arguments
 * from {@code accumulate}'s parameters after the accumulator, its columns from the class's type argument {@code T}
 * (a {@code Tuple2<Integer, Integer>} is {@code ROW<f0 INT, f1 INT>}, an atomic type {@code ROW<f0 ..>}) or from a
 * {@link DataTypeHint} on the class. The planner runs a GROUP BY holding one such call as a
 * {@link GroupTableAggregateFunction}, which emits a row per emitted value.
 */
public final class TableAggregateFunctionOperator extends SqlAggFunction {
    private final TableAggregateFunction<?, ?> function;
    private final List<Method> accumulates;

    public TableAggregateFunctionOperator(String name, TableAggregateFunction<?, ?> function) {
        this(name, function, Evals.named(function.getClass(), "accumulate"));
    }

    private TableAggregateFunctionOperator(String name, TableAggregateFunction<?, ?> function, List<Method> accumulates) {
        super(name, new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                binding -> emittedType(binding.getTypeFactory(), name, function),
                null, new EvalOperandChecker(name, accumulates, 1), SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false,
                Optionality.FORBIDDEN);
        this.function = function;
        this.accumulates = accumulates;
    }

    /** The ROW type of one emitted value. */
    private static RelDataType emittedType(RelDataTypeFactory factory, String name, TableAggregateFunction<?, ?> function) {
        emitMethod(name, function);
        DataTypeHint hint = JavaTypes.resultHint(function.getClass());
        String what = "the rows " + name + " emits";
        if (hint != null) {
            return asRow(factory, JavaTypes.sqlType(factory, Object.class, hint, what));
        }
        Type emitted = emittedJavaType(function.getClass());
        if (emitted instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Tuple.class.isAssignableFrom(raw)) {
            List<RelDataType> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Type[] fields = p.getActualTypeArguments();
            for (int i = 0; i < fields.length; i++) {
                if (!(fields[i] instanceof Class<?> field)) {
                    throw new ValidationException("Could not extract a data type from field f" + i + " of " + emitted + " in "
                            + what + "; declare the rows with @DataTypeHint(\"ROW<...>\") on the class");
                }
                types.add(JavaTypes.sqlType(factory, field, null, what));
                names.add("f" + i);
            }
            return factory.createTypeWithNullability(factory.createStructType(types, names), true);
        }
        if (!(emitted instanceof Class<?> atomic)) {
            throw new ValidationException("Could not extract a data type from " + emitted + " in " + what + "; declare it with "
                    + "@DataTypeHint(\"ROW<...>\") on the class");
        }
        return asRow(factory, JavaTypes.sqlType(factory, atomic, null, what));
    }

    private static RelDataType asRow(RelDataTypeFactory factory, RelDataType type) {
        if (type.getSqlTypeName() == SqlTypeName.ROW) {
            return type;
        }
        return factory.createTypeWithNullability(factory.createStructType(List.of(type), List.of("f0")), true);
    }

    /** The type argument T of the function's class, as declared where it extends TableAggregateFunction. */
    private static Type emittedJavaType(Class<?> type) {
        for (Class<?> c = type; c != null && c != TableAggregateFunction.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getRawType() == TableAggregateFunction.class) {
                return p.getActualTypeArguments()[0];
            }
        }
        throw new ValidationException("Table aggregate function class " + type.getName() + " declares no type of the rows it "
                + "emits; extend TableAggregateFunction<T, ACC> with a concrete T, or annotate it @DataTypeHint(\"ROW<...>\")");
    }

    /**
     * Its public {@code emitValue(ACC, Collector)}. A function with {@code emitUpdateWithRetract} is refused: Flink 2.3
     * calls that method instead, but on an accumulator whose changes it does not keep (measured with the Top2 of
     * Flink's documentation: every call re-emits all values as +I and never retracts), a changelog Weir does not
     * reproduce.
     */
    static Method emitMethod(String name, TableAggregateFunction<?, ?> function) {
        Method emitValue = null;
        for (Method m : function.getClass().getMethods()) {
            if (m.getParameterCount() != 2) {
                continue;
            }
            if (m.getName().equals("emitUpdateWithRetract")
                    && m.getParameterTypes()[1] == TableAggregateFunction.RetractableCollector.class) {
                throw new ValidationException("Table aggregate function " + name + " (" + function.getClass().getName()
                        + ") defines emitUpdateWithRetract, which Weir does not run yet: Flink 2.3 calls it in place of "
                        + "emitValue but drops what it records in the accumulator; remove it and emit with public void "
                        + "emitValue(ACC accumulator, Collector<T> out)");
            }
            if (m.getName().equals("emitValue") && m.getParameterTypes()[1] == Collector.class) {
                emitValue = m;
            }
        }
        if (emitValue == null) {
            throw new ValidationException("Table aggregate function " + name + " (" + function.getClass().getName() + ") has no "
                    + "public void emitValue(ACC accumulator, Collector<T> out)");
        }
        return emitValue;
    }

    /**
     * The runtime of a GROUP BY on {@code keys} whose calls are {@code copies} times {@code call}, over rows of
     * {@code inputType}.
     */
    public GroupTableAggregateFunction create(AggregateCall call, RelDataType inputType, int[] keys, int copies,
            boolean updatingInput) {
        int[] args = args(call);
        Method accumulate = accumulate(args, inputType);
        Method retract = null;
        try {
            retract = function.getClass().getMethod("retract", accumulate.getParameterTypes());
        } catch (NoSuchMethodException e) {
            if (updatingInput) {
                throw new ValidationException("Table aggregate function " + getName() + " (" + function.getClass().getName()
                        + ") has no retract method, which this query needs (its input is updating); add public void "
                        + "retract(ACC acc, ...) with accumulate's parameters", e);
            }
        }
        int columns = call.getType().getFieldCount();
        Method emit = emitMethod(getName(), function);
        return new GroupTableAggregateFunction(function, keys, args, new FunctionInvoker(function, getName(), accumulate),
                retract == null ? null : new FunctionInvoker(function, getName(), retract),
                new FunctionInvoker(function, getName(), emit), columns, copies);
    }

    /**
     * The call as the one aggregate of a group window over rows of {@code inputType}; {@code merging} for a window
     * whose accumulators are merged (HOP's slices, SESSION's sessions), which needs the function's {@code merge}, as in
     * Flink, which refuses such a window without it while planning.
     */
    public TableAggCall windowCall(AggregateCall call, RelDataType inputType, boolean merging) {
        int[] args = args(call);
        Method accumulate = accumulate(args, inputType);
        Method merge = Evals.merge(function.getClass());
        if (merge == null && merging) {
            throw new ValidationException("Table aggregate function " + getName() + " (" + function.getClass().getName()
                    + ") has no merge method, which a sliding or session group window needs (its windows combine "
                    + "accumulators); add public void merge(ACC accumulator, java.lang.Iterable<ACC> others), or use a "
                    + "tumbling window");
        }
        return new TableAggCall(getName(), function, args, new FunctionInvoker(function, getName(), accumulate),
                merge == null ? null : new FunctionInvoker(function, getName(), merge));
    }

    /** The function's {@code emitValue} for a group window's output, which calls it once per fired window and key. */
    public FunctionInvoker emitValue() {
        return new FunctionInvoker(function, getName(), emitMethod(getName(), function));
    }

    private int[] args(AggregateCall call) {
        if (call.isDistinct() || call.filterArg >= 0) {
            throw new ValidationException(getName() + " with DISTINCT or FILTER is not supported");
        }
        return Evals.arguments(call);
    }

    private Method accumulate(int[] args, RelDataType inputType) {
        return Evals.accumulate(accumulates, args, inputType);
    }
}
