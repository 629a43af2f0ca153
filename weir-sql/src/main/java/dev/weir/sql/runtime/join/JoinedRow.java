package dev.weir.sql.runtime.join;

import dev.weir.types.Row;
import java.io.Serializable;

/**
 * Builds a join's output rows, left columns then right columns, and evaluates the join's non-equi condition on a
 * reused scratch row, so probing the other side's rows allocates nothing per candidate.
 */
final class JoinedRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int leftArity;
    private final int rightArity;
    private final dev.weir.sql.expr.Expr condition;
    private transient Row scratch;

    JoinedRow(int leftArity, int rightArity, dev.weir.sql.expr.Expr condition) {
        this.leftArity = leftArity;
        this.rightArity = rightArity;
        this.condition = condition;
    }

    /** Whether {@code input} (from the left side if {@code inputIsLeft}) and {@code other} satisfy the condition. */
    boolean matches(Row input, Row other, boolean inputIsLeft) {
        if (condition == null) {
            return true;
        }
        if (scratch == null) {
            scratch = new Row(leftArity + rightArity);
        }
        fill(scratch, inputIsLeft ? input : other, inputIsLeft ? other : input);
        return condition.isTrue(scratch);
    }

    /** A new output row of {@code kind}: {@code input} and {@code other} in left-right order; a null side is padded. */
    Row of(dev.weir.types.RowKind kind, Row input, Row other, boolean inputIsLeft) {
        Row out = new Row(kind, leftArity + rightArity);
        fill(out, inputIsLeft ? input : other, inputIsLeft ? other : input);
        return out;
    }

    private void fill(Row target, Row left, Row right) {
        for (int i = 0; i < leftArity; i++) {
            target.setField(i, left == null ? null : left.getField(i));
        }
        for (int i = 0; i < rightArity; i++) {
            target.setField(leftArity + i, right == null ? null : right.getField(i));
        }
    }
}
