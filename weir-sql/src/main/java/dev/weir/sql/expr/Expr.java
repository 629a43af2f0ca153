package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.io.Serializable;

/**
 * A compiled SQL expression: a tree of small evaluator nodes built once at planning time from Calcite's
 * {@code RexNode}s by {@link ExprCompiler}, evaluated per row by plain virtual calls (no reflection, no lookup by
 * name). Values are in Weir SQL's internal form (see {@code ValueConversions}); SQL NULL is Java null.
 */
public abstract class Expr implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The value of this expression for {@code row}. */
    public abstract Object eval(Row row);

    /** The value as a condition: only TRUE passes (NULL and FALSE do not), as in a SQL WHERE. */
    public final boolean isTrue(Row row) {
        return Boolean.TRUE.equals(eval(row));
    }
}
