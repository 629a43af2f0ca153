package dev.weir.sql.runtime.join;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;

/**
 * A join key: a row of expressions over one side's row (plain columns, or expressions such as a CAST the planner put
 * on one side of an equality), of kind INSERT, so every change kind of a row keys alike.
 */
public final class ExprKeySelector implements KeySelector<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Expr[] keys;

    public ExprKeySelector(Expr[] keys) {
        this.keys = keys.clone();
    }

    @Override
    public Row getKey(Row row) {
        Row key = new Row(keys.length);
        for (int i = 0; i < keys.length; i++) {
            key.setField(i, keys[i].eval(row));
        }
        return key;
    }
}
