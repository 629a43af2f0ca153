package dev.weir.sql.runtime;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;

/** Expressions for the runtime's tests, built by hand instead of by the planner. */
final class ColumnExprs {
    private ColumnExprs() {
    }

    /** The value of column {@code index}, as the planner's input reference. */
    static Expr column(int index) {
        return new Expr() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object eval(Row row) {
                return row.getField(index);
            }
        };
    }
}
