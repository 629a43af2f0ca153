package dev.weir.sql.match;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import java.io.Serializable;

/**
 * A DEFINE condition or a MEASURES expression compiled over a scratch row whose columns are its
 * {@link PatternReference}s: each evaluation reads the references from the match's rows into the scratch row, then
 * evaluates the compiled expression on it. The scratch row is the only object it keeps, reused for every row.
 */
public final class MatchExpression implements Serializable {
    private static final long serialVersionUID = 1L;

    private final PatternReference[] references;
    private final Expr expr;
    private transient Row scratch;

    public MatchExpression(PatternReference[] references, Expr expr) {
        this.references = references;
        this.expr = expr;
    }

    /** The value for the rows {@code start..end} of {@code rows}. */
    Object eval(MatchRows rows, int start, int end) {
        return expr.eval(fill(rows, start, end));
    }

    /** Whether the condition holds (only TRUE does, as in a WHERE) for the rows {@code start..end}. */
    boolean holds(MatchRows rows, int start, int end) {
        return expr.isTrue(fill(rows, start, end));
    }

    private Row fill(MatchRows rows, int start, int end) {
        if (scratch == null) {
            scratch = new Row(Math.max(1, references.length));
        }
        for (int i = 0; i < references.length; i++) {
            scratch.setField(i, references[i].read(rows, start, end));
        }
        return scratch;
    }
}
