package dev.weir.sql.plan;

import dev.weir.table.api.ValidationException;
import java.util.List;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * Flink 2.3's PARSE_JSON(s) and TRY_PARSE_JSON(s), which give a value of its VARIANT type: known by name so that a
 * call is refused while validating, with its place and what to write instead, rather than as an unknown function.
 * Weir's rows, sinks, formats and state do not carry VARIANT values yet.
 */
final class VariantFunctions {
    static final List<SqlFunction> ALL = List.of(refused("PARSE_JSON"), refused("TRY_PARSE_JSON"));

    private VariantFunctions() {
    }

    private static SqlFunction refused(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR_2000_NULLABLE, null, new Refusal(name),
                SqlFunctionCategory.STRING);
    }

    /** Refuses every call, naming its place. */
    private static final class Refusal implements SqlOperandTypeChecker {
        private final String name;

        Refusal(String name) {
            this.name = name;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            throw new ValidationException(PlanPositions.at("Weir SQL does not support the function " + name + " yet: it "
                    + "gives a value of Flink 2.3's VARIANT type, which Weir's rows, formats and state do not carry; read "
                    + "the JSON text with JSON_VALUE(s, '$.a' RETURNING INT), JSON_QUERY(s, '$.a') or JSON_EXISTS(s, '$.a') "
                    + "instead, and test it with s IS JSON", binding.getCall().getParserPosition()));
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(1);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(<STRING>)";
        }
    }
}
