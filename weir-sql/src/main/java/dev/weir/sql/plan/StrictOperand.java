package dev.weir.sql.plan;

import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * One operand of one type family, without Calcite's implicit casts: a call with an operand of another family is
 * refused while validating, as Flink 2.3 refuses {@code INET_NTOA('1.2.3.4')}, where Calcite would cast the text.
 */
final class StrictOperand implements SqlOperandTypeChecker {
    private final SqlTypeFamily family;

    StrictOperand(SqlTypeFamily family) {
        this.family = family;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        boolean ok = family.contains(binding.getOperandType(0));
        if (!ok && throwOnFailure) {
            throw binding.newValidationSignatureError();
        }
        return ok;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.of(1);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return opName + "(<" + family + ">)";
    }
}
