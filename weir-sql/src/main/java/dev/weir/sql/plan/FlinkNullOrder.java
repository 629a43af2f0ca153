package dev.weir.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Writes Flink's default place for NULL (first ascending, last descending) on every ORDER BY key that names none,
 * on the parse tree before validation. Calcite's sort collation reports its own default for an unwritten key exactly as
 * if {@code NULLS LAST} (ascending) were written, so without this a written {@code ASC NULLS LAST} could not be told
 * from Flink's default and would sort differently from Flink.
 */
final class FlinkNullOrder extends SqlShuttle {
    private FlinkNullOrder() {
    }

    static SqlNode apply(SqlNode parsed) {
        return parsed.accept(new FlinkNullOrder());
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlOrderBy orderBy) {
            SqlNodeList keys = orderBy.orderList;
            for (int i = 0; i < keys.size(); i++) {
                SqlNode key = keys.get(i);
                SqlKind kind = key.getKind();
                if (kind != SqlKind.NULLS_FIRST && kind != SqlKind.NULLS_LAST) {
                    keys.set(i, (kind == SqlKind.DESCENDING ? SqlStdOperatorTable.NULLS_LAST : SqlStdOperatorTable.NULLS_FIRST)
                            .createCall(key.getParserPosition(), key));
                }
            }
        }
        return super.visit(call);
    }
}
