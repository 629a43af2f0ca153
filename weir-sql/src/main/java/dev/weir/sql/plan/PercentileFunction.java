package dev.weir.sql.plan;

import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Optionality;

/**
 * Flink's PERCENTILE(expr, percentage [, frequency]) aggregate: expr numeric; percentage a numeric literal from 0 to 1,
 * or an ARRAY of such literals; frequency an integer expression. DOUBLE, or ARRAY&lt;DOUBLE&gt; for an array of
 * percentages, nullable. Any other call is refused while validating, with its place and these forms, as Flink 2.3
 * refuses it ('Invalid function call').
 */
public final class PercentileFunction extends SqlAggFunction {
    /** The one instance, in the operator table. */
    public static final PercentileFunction INSTANCE = new PercentileFunction();

    private PercentileFunction() {
        super("PERCENTILE", null, SqlKind.OTHER_FUNCTION, PercentileFunction::resultType, null, new Operands(),
                SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN);
    }

    private static RelDataType resultType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), true);
        return binding.getOperandType(1).getSqlTypeName() == SqlTypeName.ARRAY
                ? factory.createTypeWithNullability(factory.createArrayType(value, -1), true) : value;
    }

    /** Checks the operands as Flink does: percentages known while planning, from 0 to 1. */
    private static final class Operands implements SqlOperandTypeChecker {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            boolean ok = SqlTypeFamily.NUMERIC.contains(binding.getOperandType(0)) && percentagesOk(binding.operand(1))
                    && (binding.getOperandCount() < 3 || SqlTypeFamily.INTEGER.contains(binding.getOperandType(2)));
            if (!ok && throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return ok;
        }

        private static boolean percentagesOk(SqlNode node) {
            if (node instanceof SqlLiteral) {
                return percentageOk((SqlLiteral) node);
            }
            if (!(node instanceof SqlCall) || ((SqlCall) node).getOperator().getKind() != SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
                return false;
            }
            for (SqlNode element : ((SqlCall) node).getOperandList()) {
                if (!(element instanceof SqlLiteral) || !percentageOk((SqlLiteral) element)) {
                    return false;
                }
            }
            return !((SqlCall) node).getOperandList().isEmpty();
        }

        private static boolean percentageOk(SqlLiteral literal) {
            if (!(literal.getValue() instanceof BigDecimal)) {
                return false;
            }
            BigDecimal p = (BigDecimal) literal.getValue();
            return p.signum() >= 0 && p.compareTo(BigDecimal.ONE) <= 0;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(2, 3);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return "PERCENTILE(<NUMERIC>, <NUMERIC literal from 0 to 1>)\n"
                    + "PERCENTILE(<NUMERIC>, ARRAY[<NUMERIC literals from 0 to 1>])\n"
                    + "PERCENTILE(<NUMERIC>, <percentage>, <INTEGER frequency>)";
        }
    }
}
