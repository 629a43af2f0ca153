package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlSingleOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's ARRAY and MAP functions and its BYTES encodings (ARRAY_APPEND ... MAP_UNION, STR_TO_MAP, UNHEX, ENCODE,
 * DECODE), with Flink's signatures and result types; the value constructors ({@code ARRAY[..]}, {@code MAP[..]}),
 * {@code CARDINALITY}, {@code ELEMENT} and {@code a[i]} are Calcite's standard operators.
 */
public final class FlinkCollectionFunctions {
    private static final SqlSingleOperandTypeChecker ARRAY = OperandTypes.family(SqlTypeFamily.ARRAY);
    private static final SqlSingleOperandTypeChecker MAP = OperandTypes.family(SqlTypeFamily.MAP);
    private static final SqlOperandTypeChecker ARRAY_ANY = OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY);
    private static final SqlOperandTypeChecker ARRAY_ARRAY = OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ARRAY);
    private static final SqlReturnTypeInference ARRAY_NULLABLE_IF_ARGS = ReturnTypes.ARG0_NULLABLE;

    /** ARRAY_APPEND(array, e), ARRAY_PREPEND(array, e): the array with e added at its end or front. */
    public static final SqlFunction ARRAY_APPEND = function("ARRAY_APPEND", FlinkCollectionFunctions::withElement, ARRAY_ANY);
    public static final SqlFunction ARRAY_PREPEND = function("ARRAY_PREPEND", FlinkCollectionFunctions::withElement, ARRAY_ANY);
    /** ARRAY_CONTAINS(array, e): whether e (NULL too) is an element. */
    public static final SqlFunction ARRAY_CONTAINS = function("ARRAY_CONTAINS", ReturnTypes.BOOLEAN_NULLABLE, ARRAY_ANY);
    /** ARRAY_DISTINCT(array): the elements without repeats, in their first places. */
    public static final SqlFunction ARRAY_DISTINCT = function("ARRAY_DISTINCT", ARRAY_NULLABLE_IF_ARGS, ARRAY);
    /** ARRAY_POSITION(array, e): the 1-based place of e's first occurrence, 0 when absent. */
    public static final SqlFunction ARRAY_POSITION = function("ARRAY_POSITION",
            ReturnTypes.INTEGER.andThen(SqlTypeTransforms.TO_NULLABLE), ARRAY_ANY);
    /** ARRAY_REMOVE(array, e): the array without any element equal to e. */
    public static final SqlFunction ARRAY_REMOVE = function("ARRAY_REMOVE", ARRAY_NULLABLE_IF_ARGS, ARRAY_ANY);
    /** ARRAY_REVERSE(array). */
    public static final SqlFunction ARRAY_REVERSE = function("ARRAY_REVERSE", ARRAY_NULLABLE_IF_ARGS, ARRAY);
    /** ARRAY_SLICE(array, start [, end]): elements start to end (1-based, inclusive, negative from the end). */
    public static final SqlFunction ARRAY_SLICE = function("ARRAY_SLICE", ARRAY_NULLABLE_IF_ARGS, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)));
    /** ARRAY_SORT(array [, ascending [, nullsFirst]]). */
    public static final SqlFunction ARRAY_SORT = function("ARRAY_SORT", ARRAY_NULLABLE_IF_ARGS, OperandTypes.or(ARRAY,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.BOOLEAN),
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.BOOLEAN, SqlTypeFamily.BOOLEAN)));
    /** ARRAY_UNION, ARRAY_EXCEPT, ARRAY_INTERSECT(array1, array2): set operations keeping array1's order. */
    public static final SqlFunction ARRAY_UNION = function("ARRAY_UNION", FlinkCollectionFunctions::commonType, ARRAY_ARRAY);
    public static final SqlFunction ARRAY_EXCEPT = function("ARRAY_EXCEPT", FlinkCollectionFunctions::commonType, ARRAY_ARRAY);
    public static final SqlFunction ARRAY_INTERSECT = function("ARRAY_INTERSECT", FlinkCollectionFunctions::commonType,
            ARRAY_ARRAY);
    /** ARRAY_CONCAT(array1, ...): the arrays one after the other. */
    public static final SqlFunction ARRAY_CONCAT = function("ARRAY_CONCAT", FlinkCollectionFunctions::commonType,
            OperandTypes.repeat(SqlOperandCountRanges.from(1), ARRAY));
    /** ARRAY_MAX(array), ARRAY_MIN(array): the greatest and least non-null element; NULL for an empty array. */
    public static final SqlFunction ARRAY_MAX = function("ARRAY_MAX", FlinkCollectionFunctions::nullableElement, ARRAY);
    public static final SqlFunction ARRAY_MIN = function("ARRAY_MIN", FlinkCollectionFunctions::nullableElement, ARRAY);
    /** ARRAY_JOIN(array, delimiter [, nullReplacement]): the elements as text; NULL elements skipped unless replaced. */
    public static final SqlFunction ARRAY_JOIN = function("ARRAY_JOIN",
            ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE).andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)));
    /** MAP_KEYS(map), MAP_VALUES(map): the keys or values as an array; MAP_ENTRIES(map): ROW(key, value)s. */
    public static final SqlFunction MAP_KEYS = function("MAP_KEYS", b -> mapPart(b, 0), MAP);
    public static final SqlFunction MAP_VALUES = function("MAP_VALUES", b -> mapPart(b, 1),
            MAP);
    public static final SqlFunction MAP_ENTRIES = function("MAP_ENTRIES", FlinkCollectionFunctions::mapEntries,
            MAP);
    /** MAP_FROM_ARRAYS(keys, values): the map of each key to the value at its place. */
    public static final SqlFunction MAP_FROM_ARRAYS = function("MAP_FROM_ARRAYS", FlinkCollectionFunctions::mapOfArrays,
            ARRAY_ARRAY);
    /** MAP_UNION(map1, ...): the maps merged, a later map's value winning. */
    public static final SqlFunction MAP_UNION = function("MAP_UNION", FlinkCollectionFunctions::commonType,
            OperandTypes.repeat(SqlOperandCountRanges.from(1), MAP));
    /** STR_TO_MAP(text [, listDelimiter [, keyValueDelimiter]]): MAP&lt;STRING, STRING&gt;, delimiters ',' and '='. */
    public static final SqlFunction STR_TO_MAP = function("STR_TO_MAP", FlinkCollectionFunctions::stringMap, OperandTypes.or(
            OperandTypes.STRING, OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_STRING));
    /** UNHEX(hex): the bytes; ENCODE(s, charset): s's bytes; DECODE(bytes, charset): the text. */
    public static final SqlFunction UNHEX = function("UNHEX",
            ReturnTypes.explicit(SqlTypeName.VARBINARY, Integer.MAX_VALUE).andThen(SqlTypeTransforms.FORCE_NULLABLE),
            OperandTypes.STRING);
    public static final SqlFunction ENCODE = function("ENCODE",
            ReturnTypes.explicit(SqlTypeName.VARBINARY, Integer.MAX_VALUE).andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.STRING_STRING);
    public static final SqlFunction DECODE = function("DECODE",
            ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE).andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.family(SqlTypeFamily.BINARY, SqlTypeFamily.CHARACTER));

    static final List<SqlFunction> ALL = List.of(ARRAY_APPEND, ARRAY_PREPEND, ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_POSITION,
            ARRAY_REMOVE, ARRAY_REVERSE, ARRAY_SLICE, ARRAY_SORT, ARRAY_UNION, ARRAY_EXCEPT, ARRAY_INTERSECT, ARRAY_CONCAT,
            ARRAY_MAX, ARRAY_MIN, ARRAY_JOIN, MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION, STR_TO_MAP, UNHEX,
            ENCODE, DECODE);

    private FlinkCollectionFunctions() {
    }

    private static SqlFunction function(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.SYSTEM);
    }

    private static boolean anyNullable(SqlOperatorBinding binding) {
        for (RelDataType t : binding.collectOperandTypes()) {
            if (t.isNullable()) {
                return true;
            }
        }
        return false;
    }

    // ARRAY_APPEND's and ARRAY_PREPEND's: an array of the common type of the elements and e, nullable if either is. Flink
    // takes only an e that casts implicitly to the array's element type (an INT into an ARRAY<DOUBLE>, not a DECIMAL
    // into an ARRAY<INT>), and refuses the call otherwise.
    private static RelDataType withElement(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType array = binding.getOperandType(0);
        RelDataType element = factory.leastRestrictive(List.of(array.getComponentType(), binding.getOperandType(1)));
        if (element == null) {
            return null;
        }
        RelDataType component = array.getComponentType();
        if (SqlTypeName.NUMERIC_TYPES.contains(component.getSqlTypeName()) && (element.getSqlTypeName() != component.getSqlTypeName()
                || element.getPrecision() != component.getPrecision() || element.getScale() != component.getScale())) {
            throw new dev.weir.table.api.ValidationException("Invalid function call:\n" + binding.getOperator().getName() + "("
                    + dev.weir.sql.types.SqlTypes.toDataType(array) + ", "
                    + dev.weir.sql.types.SqlTypes.toDataType(binding.getOperandType(1)) + ")\nFlink adds an element only of "
                    + "the array's element type or one that casts to it implicitly; build the array of the wider type, "
                    + "e.g. ARRAY[CAST(x AS DECIMAL(11, 1))]");
        }
        return factory.createTypeWithNullability(factory.createArrayType(element, -1), anyNullable(binding));
    }

    // The common type of same-kind collection arguments (ARRAY_UNION, ARRAY_CONCAT, MAP_UNION), nullable if one is.
    private static RelDataType commonType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType common = factory.leastRestrictive(binding.collectOperandTypes());
        return common == null ? null : factory.createTypeWithNullability(common, anyNullable(binding));
    }

    private static RelDataType nullableElement(SqlOperatorBinding binding) {
        return binding.getTypeFactory().createTypeWithNullability(binding.getOperandType(0).getComponentType(), true);
    }

    // MAP_KEYS (part 0) and MAP_VALUES (part 1).
    private static RelDataType mapPart(SqlOperatorBinding binding, int part) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType map = binding.getOperandType(0);
        RelDataType element = part == 0 ? map.getKeyType() : map.getValueType();
        return factory.createTypeWithNullability(factory.createArrayType(element, -1), map.isNullable());
    }

    private static RelDataType mapEntries(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType map = binding.getOperandType(0);
        List<RelDataType> types = new ArrayList<>(List.of(map.getKeyType(), map.getValueType()));
        RelDataType entry = factory.createStructType(types, List.of("key", "value"));
        return factory.createTypeWithNullability(factory.createArrayType(entry, -1), map.isNullable());
    }

    private static RelDataType mapOfArrays(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType map = factory.createMapType(binding.getOperandType(0).getComponentType(),
                binding.getOperandType(1).getComponentType());
        return factory.createTypeWithNullability(map, anyNullable(binding));
    }

    private static RelDataType stringMap(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType string = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true);
        return factory.createTypeWithNullability(factory.createMapType(string, string), anyNullable(binding));
    }
}
