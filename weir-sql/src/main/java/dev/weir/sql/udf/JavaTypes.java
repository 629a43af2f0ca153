package dev.weir.sql.udf;

import dev.weir.sql.parse.DataTypeParser;
import dev.weir.sql.types.SqlTypes;
import dev.weir.table.annotation.DataTypeHint;
import dev.weir.table.api.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL types of a user-defined function's Java parameters and results, as Flink extracts them: from the Java class
 * ({@code String} STRING, {@code Integer} INT, ...) or from a {@link DataTypeHint}, which is required where the class
 * does not determine the type ({@code BigDecimal}, {@code Row}, {@code Object}).
 */
public final class JavaTypes {
    private static final Map<Class<?>, SqlTypeName> TYPES = Map.ofEntries(
            Map.entry(String.class, SqlTypeName.VARCHAR), Map.entry(Boolean.class, SqlTypeName.BOOLEAN),
            Map.entry(boolean.class, SqlTypeName.BOOLEAN), Map.entry(Byte.class, SqlTypeName.TINYINT),
            Map.entry(byte.class, SqlTypeName.TINYINT), Map.entry(Short.class, SqlTypeName.SMALLINT),
            Map.entry(short.class, SqlTypeName.SMALLINT), Map.entry(Integer.class, SqlTypeName.INTEGER),
            Map.entry(int.class, SqlTypeName.INTEGER), Map.entry(Long.class, SqlTypeName.BIGINT),
            Map.entry(long.class, SqlTypeName.BIGINT), Map.entry(Float.class, SqlTypeName.FLOAT),
            Map.entry(float.class, SqlTypeName.FLOAT), Map.entry(Double.class, SqlTypeName.DOUBLE),
            Map.entry(double.class, SqlTypeName.DOUBLE), Map.entry(LocalDateTime.class, SqlTypeName.TIMESTAMP),
            Map.entry(LocalDate.class, SqlTypeName.DATE));

    private JavaTypes() {
    }

    /** The SQL type of a value of {@code type}, or of {@code hint} when given; {@code what} names it in errors. */
    public static RelDataType sqlType(RelDataTypeFactory factory, Class<?> type, DataTypeHint hint, String what) {
        if (hint != null && !hint.value().isEmpty()) {
            return factory.createTypeWithNullability(SqlTypes.toRelType(factory, DataTypeParser.parse(hint.value())), true);
        }
        SqlTypeName name = TYPES.get(type);
        if (name == null) {
            throw new ValidationException("Could not extract a data type from " + type.getName() + " in " + what
                    + (type == BigDecimal.class ? "; declare its precision and scale with @DataTypeHint(\"DECIMAL(10, 2)\")"
                    : "; declare it with @DataTypeHint(\"...\"), or use String, Integer, Long, Double, Boolean, LocalDateTime"));
        }
        RelDataType sql = name == SqlTypeName.VARCHAR ? factory.createSqlType(name, Integer.MAX_VALUE)
                : name == SqlTypeName.TIMESTAMP ? factory.createSqlType(name, 3) : factory.createSqlType(name);
        return factory.createTypeWithNullability(sql, true);
    }

    /**
     * The hint on {@code function}'s class for its result type: {@code @FunctionHint(output = @DataTypeHint(..))} or a
     * {@code @DataTypeHint} on the class; null when there is none.
     */
    public static DataTypeHint resultHint(Class<?> function) {
        dev.weir.table.annotation.FunctionHint functionHint = function.getAnnotation(dev.weir.table.annotation.FunctionHint.class);
        if (functionHint != null && !functionHint.output().value().isEmpty()) {
            return functionHint.output();
        }
        return function.getAnnotation(DataTypeHint.class);
    }

    /** Whether a SQL value of {@code operand}'s type can be passed to a Java parameter of {@code parameter}'s type. */
    public static boolean accepts(Class<?> parameter, DataTypeHint hint, RelDataType operand, boolean exact) {
        SqlTypeName given = operand.getSqlTypeName();
        if (given == SqlTypeName.NULL) {
            return !parameter.isPrimitive();
        }
        if (parameter == Object.class) {
            return true;
        }
        if (hint != null && !hint.value().isEmpty()) {
            SqlTypeName wanted = SqlTypes.toRelType(dev.weir.sql.types.RowTypes.FACTORY, DataTypeParser.parse(hint.value()))
                    .getSqlTypeName();
            return wanted == given || (!exact && wanted.getFamily() == given.getFamily());
        }
        if (parameter == BigDecimal.class) {
            return given == SqlTypeName.DECIMAL || (!exact && SqlTypeName.INT_TYPES.contains(given));
        }
        SqlTypeName wanted = TYPES.get(parameter);
        if (wanted == null) {
            return false;
        }
        if (wanted == given || (wanted == SqlTypeName.VARCHAR && given == SqlTypeName.CHAR)) {
            return true;
        }
        if (exact) {
            return false;
        }
        int w = SqlTypeName.NUMERIC_TYPES.indexOf(wanted);
        int g = SqlTypeName.NUMERIC_TYPES.indexOf(given);
        // Widening only: an INT argument may go to a long or double parameter, not the other way round.
        return w >= 0 && g >= 0 && (SqlTypeName.INT_TYPES.contains(given) ? w >= g || !SqlTypeName.INT_TYPES.contains(wanted)
                : !SqlTypeName.INT_TYPES.contains(wanted) && w >= g);
    }
}
