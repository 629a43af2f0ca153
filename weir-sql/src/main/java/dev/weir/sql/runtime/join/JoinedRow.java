package dev.weir.sql.runtime.join;

import dev.weir.types.Row;
import dev.weir.types.RowKind;
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

    /**
     * The output row of {@code input} (from the left side if {@code inputIsLeft}) and row {@code index} of
     * {@code others} when they satisfy the condition, else null; the packed row's fields are written once, into the
     * output row itself, and a row the condition rejects is reused for the next candidate.
     */
    Row ofMatching(Row input, PackedRows others, RowPacking packing, int index, boolean inputIsLeft) {
        Row candidate = scratch == null ? new Row(RowKind.INSERT, leftArity + rightArity) : scratch;
        scratch = null;
        int inputOffset = inputIsLeft ? 0 : leftArity;
        int otherOffset = inputIsLeft ? leftArity : 0;
        for (int i = 0, n = inputIsLeft ? leftArity : rightArity; i < n; i++) {
            candidate.setField(inputOffset + i, input.getField(i));
        }
        for (int i = 0, n = inputIsLeft ? rightArity : leftArity; i < n; i++) {
            candidate.setField(otherOffset + i, others.field(packing, index, i));
        }
        if (condition != null && !condition.isTrue(candidate)) {
            scratch = candidate;
            return null;
        }
        return candidate;
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
