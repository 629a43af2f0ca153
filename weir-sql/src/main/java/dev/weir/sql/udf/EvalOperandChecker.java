package dev.weir.sql.udf;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/** Validates a call of a user-defined function against its methods' signatures (after {@code skip} leading ones). */
final class EvalOperandChecker implements SqlOperandTypeChecker {
    private final String name;
    private final List<Method> methods;
    private final int skip;

    EvalOperandChecker(String name, List<Method> methods, int skip) {
        this.name = name;
        this.methods = methods;
        this.skip = skip;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        if (Evals.choose(methods, binding.collectOperandTypes(), skip) != null) {
            return true;
        }
        if (throwOnFailure) {
            throw binding.newValidationSignatureError();
        }
        return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Method m : methods) {
            min = Math.min(min, m.getParameterCount() - skip);
            max = Math.max(max, m.getParameterCount() - skip);
        }
        return SqlOperandCountRanges.between(min, max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return Evals.signatures(name, methods, skip);
    }
}
