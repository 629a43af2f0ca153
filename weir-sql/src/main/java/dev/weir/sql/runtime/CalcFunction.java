package dev.weir.sql.runtime;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * A SQL projection and filter in one step: rows for which the condition is not TRUE are dropped, the others are
 * projected to new rows of the same {@link dev.weir.types.RowKind}.
 */
public final class CalcFunction implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Expr condition;
    private final Expr[] projections;

    /** {@code condition} null keeps every row; {@code projections} null keeps the row as it is. */
    public CalcFunction(Expr condition, Expr[] projections) {
        this.condition = condition;
        this.projections = projections;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        if (condition != null && !condition.isTrue(row)) {
            return;
        }
        if (projections == null) {
            out.collect(row);
            return;
        }
        Row result = new Row(row.getKind(), projections.length);
        for (int i = 0; i < projections.length; i++) {
            result.setField(i, projections[i].eval(row));
        }
        out.collect(result);
    }
}
