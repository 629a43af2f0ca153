package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.io.Serializable;

/**
 * A compiled SQL expression: a tree of small evaluator nodes built once at planning time from Calcite's
 * {@code RexNode}s by {@link ExprCompiler}, evaluated per row by plain virtual calls (no reflection, no lookup by
 * name). Values are in Weir SQL's internal form (see {@code ValueConversions}); SQL NULL is Java null.
 *
 * <p>An expression of an integer type (TINYINT to BIGINT) also evaluates to a primitive {@code long} through
 * {@link #evalLong(Row)}, so that arithmetic and comparisons over integer columns box nothing per row.
 */
public abstract class Expr implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * What {@link #evalLong(Row)} returns for NULL. A real value may equal it too, so a caller that sees it asks
     * {@code eval(row) == null} to tell (a rare second evaluation, never a wrong result).
     */
    public static final long MAYBE_NULL = 0x8000_0000_0000_0bd1L;

    /** The value of this expression for {@code row}. */
    public abstract Object eval(Row row);

    /**
     * The value of this integer-typed expression as a {@code long}, or {@link #MAYBE_NULL} where it is NULL. Only for
     * expressions of an integer SQL type (the compiler calls it only there); the default unboxes {@link #eval(Row)},
     * the nodes of integer arithmetic compute it without boxing.
     */
    public long evalLong(Row row) {
        Object v = eval(row);
        return v == null ? MAYBE_NULL : ((Number) v).longValue();
    }

    /** The value as a condition: only TRUE passes (NULL and FALSE do not), as in a SQL WHERE. */
    public boolean isTrue(Row row) {
        return Boolean.TRUE.equals(eval(row));
    }

    /** Whether {@code value}, just returned by {@code e.evalLong(row)}, stands for NULL. */
    static boolean isNull(long value, Expr e, Row row) {
        return value == MAYBE_NULL && e.eval(row) == null;
    }
}
