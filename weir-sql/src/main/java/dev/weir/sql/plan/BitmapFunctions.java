package dev.weir.sql.plan;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.util.Optionality;

/**
 * Flink 2.3's BITMAP functions, with Flink's signatures and result types. Weir plans the BITMAP type as Calcite's
 * OTHER (see {@code SqlTypes}); a call with an argument of another type is refused while validating, at its line and
 * column, with the signature to write.
 */
public final class BitmapFunctions {
    /** What an argument must be. */
    private enum Operand {
        BITMAP("BITMAP"), INT_ARRAY("ARRAY<INT>"), BYTES("BYTES"), INT("INT");

        private final String written;

        Operand(String written) {
            this.written = written;
        }

        boolean accepts(RelDataType type) {
            switch (this) {
                case BITMAP:
                    return type.getSqlTypeName() == SqlTypeName.OTHER || type.getSqlTypeName() == SqlTypeName.NULL;
                case INT_ARRAY:
                    return type.getSqlTypeName() == SqlTypeName.NULL || type.getSqlTypeName() == SqlTypeName.ARRAY
                            && small(type.getComponentType());
                case BYTES:
                    return type.getSqlTypeName() == SqlTypeName.NULL || SqlTypeFamily.BINARY.contains(type);
                default:
                    return small(type);
            }
        }

        // TINYINT, SMALLINT, INT (and an untyped NULL): what an INT holds, as Flink accepts them.
        private static boolean small(RelDataType type) {
            SqlTypeName name = type.getSqlTypeName();
            return name == SqlTypeName.INTEGER || name == SqlTypeName.SMALLINT || name == SqlTypeName.TINYINT
                    || name == SqlTypeName.NULL;
        }
    }

    private static final SqlReturnTypeInference BITMAP = binding -> nullableAsArguments(binding,
            binding.getTypeFactory().createSqlType(SqlTypeName.OTHER));
    private static final SqlReturnTypeInference STRING = ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE)
            .andThen(SqlTypeTransforms.TO_NULLABLE);
    private static final SqlReturnTypeInference BYTES = ReturnTypes.explicit(SqlTypeName.VARBINARY, Integer.MAX_VALUE)
            .andThen(SqlTypeTransforms.TO_NULLABLE);

    /** BITMAP_BUILD(array): the bitmap of the array's non-null INT values. */
    public static final SqlFunction BITMAP_BUILD = scalar("BITMAP_BUILD", BITMAP, Operand.INT_ARRAY);
    /** BITMAP_FROM_BYTES(bytes): the bitmap of Roaring's portable serialization. */
    public static final SqlFunction BITMAP_FROM_BYTES = scalar("BITMAP_FROM_BYTES", BITMAP, Operand.BYTES);
    /** BITMAP_TO_BYTES(bitmap): Roaring's portable serialization of the bitmap. */
    public static final SqlFunction BITMAP_TO_BYTES = scalar("BITMAP_TO_BYTES", BYTES, Operand.BITMAP);
    /** BITMAP_TO_STRING(bitmap): the values as unsigned decimals in braces, {@code {1,2,4294967295}}. */
    public static final SqlFunction BITMAP_TO_STRING = scalar("BITMAP_TO_STRING", STRING, Operand.BITMAP);
    /** BITMAP_TO_ARRAY(bitmap): the values as ARRAY&lt;INT&gt; in unsigned order (negative values last). */
    public static final SqlFunction BITMAP_TO_ARRAY = scalar("BITMAP_TO_ARRAY", BitmapFunctions::intArray, Operand.BITMAP);
    /** BITMAP_CARDINALITY(bitmap): how many values, BIGINT. */
    public static final SqlFunction BITMAP_CARDINALITY = scalar("BITMAP_CARDINALITY", ReturnTypes.BIGINT_NULLABLE,
            Operand.BITMAP);
    /** BITMAP_AND, BITMAP_ANDNOT, BITMAP_OR, BITMAP_XOR(a, b): the set operation's bitmap; NULL if either is NULL. */
    public static final SqlFunction BITMAP_AND = scalar("BITMAP_AND", BITMAP, Operand.BITMAP, Operand.BITMAP);
    public static final SqlFunction BITMAP_ANDNOT = scalar("BITMAP_ANDNOT", BITMAP, Operand.BITMAP, Operand.BITMAP);
    public static final SqlFunction BITMAP_OR = scalar("BITMAP_OR", BITMAP, Operand.BITMAP, Operand.BITMAP);
    public static final SqlFunction BITMAP_XOR = scalar("BITMAP_XOR", BITMAP, Operand.BITMAP, Operand.BITMAP);

    // Nullable, as Flink 2.3's TYPEOF shows the aggregates' results (BITMAP, BIGINT) even over NOT NULL arguments.
    private static final SqlReturnTypeInference AGG_BITMAP = binding -> binding.getTypeFactory().createTypeWithNullability(
            binding.getTypeFactory().createSqlType(SqlTypeName.OTHER), true);
    private static final SqlReturnTypeInference AGG_COUNT = ReturnTypes.BIGINT.andThen(SqlTypeTransforms.FORCE_NULLABLE);

    /** BITMAP_BUILD_AGG(int) and BITMAP_BUILD_CARDINALITY_AGG(int): the bitmap of a group's values, or its cardinality. */
    public static final SqlAggFunction BITMAP_BUILD_AGG = aggregate("BITMAP_BUILD_AGG", AGG_BITMAP, Operand.INT);
    public static final SqlAggFunction BITMAP_BUILD_CARDINALITY_AGG = aggregate("BITMAP_BUILD_CARDINALITY_AGG",
            AGG_COUNT, Operand.INT);
    /** BITMAP_AND_AGG, BITMAP_OR_AGG, BITMAP_XOR_AGG(bitmap): a group's bitmaps combined; the _CARDINALITY_AGGs count them. */
    public static final SqlAggFunction BITMAP_AND_AGG = aggregate("BITMAP_AND_AGG", AGG_BITMAP, Operand.BITMAP);
    public static final SqlAggFunction BITMAP_OR_AGG = aggregate("BITMAP_OR_AGG", AGG_BITMAP, Operand.BITMAP);
    public static final SqlAggFunction BITMAP_XOR_AGG = aggregate("BITMAP_XOR_AGG", AGG_BITMAP, Operand.BITMAP);
    public static final SqlAggFunction BITMAP_AND_CARDINALITY_AGG = aggregate("BITMAP_AND_CARDINALITY_AGG", AGG_COUNT,
            Operand.BITMAP);
    public static final SqlAggFunction BITMAP_OR_CARDINALITY_AGG = aggregate("BITMAP_OR_CARDINALITY_AGG", AGG_COUNT,
            Operand.BITMAP);
    public static final SqlAggFunction BITMAP_XOR_CARDINALITY_AGG = aggregate("BITMAP_XOR_CARDINALITY_AGG", AGG_COUNT,
            Operand.BITMAP);

    static final List<SqlOperator> ALL = List.of(BITMAP_BUILD, BITMAP_FROM_BYTES, BITMAP_TO_BYTES, BITMAP_TO_STRING,
            BITMAP_TO_ARRAY, BITMAP_CARDINALITY, BITMAP_AND, BITMAP_ANDNOT, BITMAP_OR, BITMAP_XOR, BITMAP_BUILD_AGG,
            BITMAP_BUILD_CARDINALITY_AGG, BITMAP_AND_AGG, BITMAP_OR_AGG, BITMAP_XOR_AGG, BITMAP_AND_CARDINALITY_AGG,
            BITMAP_OR_CARDINALITY_AGG, BITMAP_XOR_CARDINALITY_AGG);

    private BitmapFunctions() {
    }

    private static SqlFunction scalar(String name, SqlReturnTypeInference returnType, Operand... operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, new Operands(name, operands),
                SqlFunctionCategory.SYSTEM);
    }

    private static SqlAggFunction aggregate(String name, SqlReturnTypeInference returnType, Operand... operand) {
        return new SqlAggFunction(name, null, SqlKind.OTHER_FUNCTION, returnType, null, new Operands(name, operand),
                SqlFunctionCategory.SYSTEM, false, false, Optionality.FORBIDDEN) {
        };
    }

    private static RelDataType nullableAsArguments(SqlOperatorBinding binding, RelDataType type) {
        boolean nullable = false;
        for (RelDataType operand : binding.collectOperandTypes()) {
            nullable |= operand.isNullable();
        }
        return binding.getTypeFactory().createTypeWithNullability(type, nullable);
    }

    // ARRAY<INT> NOT NULL for a NOT NULL bitmap, as Flink's TYPEOF shows it.
    private static RelDataType intArray(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType element = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), true);
        return nullableAsArguments(binding, factory.createArrayType(element, -1));
    }

    /** Checks a call's arguments against one signature, refusing others with the signature to write. */
    private static final class Operands implements SqlOperandTypeChecker {
        private final String name;
        private final Operand[] operands;

        Operands(String name, Operand[] operands) {
            this.name = name;
            this.operands = operands;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            for (int i = 0; i < operands.length; i++) {
                if (!operands[i].accepts(binding.getOperandType(i))) {
                    if (throwOnFailure) {
                        throw binding.newValidationSignatureError();
                    }
                    return false;
                }
            }
            return true;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(operands.length);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < operands.length; i++) {
                sb.append(i > 0 ? ", " : "").append(operands[i].written);
            }
            return sb.append(')').toString();
        }
    }
}
