package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites Flink 1.19's {@code SESSION(TABLE t PARTITION BY k1, k2, DESCRIPTOR(ts), gap)} into the form Calcite
 * validates and converts to a plain table function call, {@code SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k1, k2), gap)}:
 * Calcite reads a PARTITION BY table argument as a correlated scan, which loses the keys. The rewrite is on the parse
 * tree, before validation.
 */
final class SessionPartitionRewrite extends SqlShuttle {
    private SessionPartitionRewrite() {
    }

    static SqlNode apply(SqlNode parsed) {
        return parsed.accept(new SessionPartitionRewrite());
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlBasicCall && call.getOperator().getName().equalsIgnoreCase("SESSION") && call.operandCount() == 3
                && call.operand(0) instanceof SqlCall && call.operand(0).getKind() == SqlKind.SET_SEMANTICS_TABLE) {
            SqlCall table = call.operand(0);
            SqlNode order = table.operandCount() > 2 ? table.operand(2) : null;
            if (order instanceof SqlNodeList && !((SqlNodeList) order).isEmpty()) {
                throw new dev.weir.table.api.ValidationException("SESSION(TABLE ... PARTITION BY ... ORDER BY ...) is not supported; "
                        + "remove the ORDER BY, the session windows order rows by the DESCRIPTOR time column (at line "
                        + order.getParserPosition().getLineNum() + ", column " + order.getParserPosition().getColumnNum() + ")");
            }
            List<SqlNode> keys = new ArrayList<>(((SqlNodeList) table.operand(1)).getList());
            return call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(), table.operand(0),
                    call.operand(1), SqlStdOperatorTable.DESCRIPTOR.createCall(table.operand(1).getParserPosition(), keys),
                    call.operand(2));
        }
        return super.visit(call);
    }
}
