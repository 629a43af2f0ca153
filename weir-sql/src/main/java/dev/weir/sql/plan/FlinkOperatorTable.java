package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The functions Weir SQL knows: Calcite's standard operators, with Flink's window table functions in place of
 * Calcite's TUMBLE/HOP/SESSION and of the deprecated group-window functions of the same names, plus Flink's own
 * scalar functions.
 */
final class FlinkOperatorTable {
    private static final Set<String> REPLACED = Set.of("TUMBLE", "HOP", "SESSION", "CUMULATE");

    private FlinkOperatorTable() {
    }

    static SqlOperatorTable create() {
        List<SqlOperator> operators = new ArrayList<>();
        for (SqlOperator op : SqlStdOperatorTable.instance().getOperatorList()) {
            if (!REPLACED.contains(op.getName())) {
                operators.add(op);
            }
        }
        operators.addAll(WindowTableFunction.ALL);
        operators.addAll(FlinkFunctions.ALL);
        return SqlOperatorTables.of(operators);
    }
}
