package dev.weir.sql.udf;

import dev.weir.sql.parse.DataTypeParser;
import dev.weir.sql.types.SqlTypes;
import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.api.ValidationException;
import dev.weir.table.functions.TableFunction;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A registered {@link TableFunction} as a SQL table function for {@code LATERAL TABLE(f(..))}: its arguments from
 * its {@code eval} methods, its columns from a {@code ROW<..>} {@link DataTypeHint} (on {@code eval} or the class),
 * or one column {@code f0} of the type its type argument {@code T} maps to, as in Flink.
 */
public final class TableFunctionOperator extends SqlFunction implements SqlTableFunction {
    private final TableFunction<?> function;
    private final List<Method> evals;

    public TableFunctionOperator(String name, TableFunction<?> function) {
        this(name, function, Evals.named(function.getClass(), "eval"));
    }

    private TableFunctionOperator(String name, TableFunction<?> function, List<Method> evals) {
        super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new EvalOperandChecker(name, evals, 0),
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        this.function = function;
        this.evals = evals;
    }

    public TableFunction<?> function() {
        return function;
    }

    /** The {@code eval} that {@code operands} call. */
    public Method eval(List<RelDataType> operands) {
        return Evals.choose(evals, operands, 0);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return this::rowType;
    }

    private RelDataType rowType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        Method eval = Evals.choose(evals, binding.collectOperandTypes(), 0);
        DataTypeHint hint = eval != null && eval.getAnnotation(DataTypeHint.class) != null ? eval.getAnnotation(DataTypeHint.class)
                : function.getClass().getAnnotation(DataTypeHint.class);
        RelDataType type;
        if (hint != null && !hint.value().isEmpty()) {
            type = SqlTypes.toRelType(factory, DataTypeParser.parse(hint.value()));
        } else {
            type = JavaTypes.sqlType(factory, emittedClass(), null, "the rows " + getName() + " emits (its type argument T)");
        }
        if (type.isStruct()) {
            return type;
        }
        return factory.builder().add("f0", factory.createTypeWithNullability(type, true)).build();
    }

    /** {@code T} of {@code TableFunction<T>}, as the function's class declares it. */
    private Class<?> emittedClass() {
        Type t = function.getClass().getGenericSuperclass();
        while (t instanceof Class && t != TableFunction.class) {
            t = ((Class<?>) t).getGenericSuperclass();
        }
        if (t instanceof ParameterizedType && ((ParameterizedType) t).getActualTypeArguments()[0] instanceof Class) {
            return (Class<?>) ((ParameterizedType) t).getActualTypeArguments()[0];
        }
        throw new ValidationException("Could not extract the row type of table function " + getName() + "; declare it with "
                + "@DataTypeHint(\"ROW<f0 STRING>\") on the class or its eval method");
    }

    static boolean isRowType(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ROW;
    }
}
