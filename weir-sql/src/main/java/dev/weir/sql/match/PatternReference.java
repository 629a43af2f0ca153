package dev.weir.sql.match;

import java.io.Serializable;

/**
 * One value a DEFINE condition or a MEASURES expression reads from the rows of a (partial) match: a column of the
 * n-th last or n-th first row mapped to a pattern variable, of a row some rows before that one (PREV), an aggregate of
 * a column over a variable's rows. The planner rewrites each such
 * navigation into a column of a scratch row, so the rest of the expression compiles as any other.
 */
public final class PatternReference implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a reference reads. */
    public enum Kind { LAST, FIRST, AVG, SUM, COUNT, MIN, MAX }

    /** A pattern variable: any row ({@code *}, a column named without a variable). */
    public static final int ANY_VARIABLE = -1;

    private final Kind kind;
    private final int variable;
    private final int column;
    private final int offset;
    private final int before;

    /**
     * A reference of {@code kind} to {@code column} of the rows of {@code variable}: for LAST and FIRST the
     * {@code offset}-th row from the end or the start, then {@code before} rows earlier in the match (PREV).
     */
    public PatternReference(Kind kind, int variable, int column, int offset, int before) {
        this.kind = kind;
        this.variable = variable;
        this.column = column;
        this.offset = offset;
        this.before = before;
    }

    /**
     * The value for the rows {@code start..end} of {@code rows}, as they are mapped to variables now.
     */
    Object read(MatchRows rows, int start, int end) {
        switch (kind) {
            case LAST:
            case FIRST: {
                int at = kind == Kind.LAST ? rows.nthLast(start, end, variable, offset) : rows.nthFirst(start, end, variable, offset);
                if (at < 0) {
                    return null;
                }
                at -= before;
                return at < start ? null : rows.row(at).getField(column);
            }
            default:
                return aggregate(rows, start, end);
        }
    }

    private Object aggregate(MatchRows rows, int start, int end) {
        long count = 0;
        long sum = 0;
        Object extreme = null;
        for (int i = start; i <= end; i++) {
            if (variable != ANY_VARIABLE && rows.label(i) != variable) {
                continue;
            }
            Object value = rows.row(i).getField(column);
            if (value == null) {
                continue;
            }
            count++;
            if (kind == Kind.SUM || kind == Kind.AVG) {
                sum += ((Number) value).longValue();
            } else if (kind == Kind.MIN || kind == Kind.MAX) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                int c = extreme == null ? 0 : ((Comparable) value).compareTo(extreme);
                if (extreme == null || (kind == Kind.MIN ? c < 0 : c > 0)) {
                    extreme = value;
                }
            }
        }
        switch (kind) {
            case COUNT:
                return count;
            case SUM:
                return count == 0 ? null : sum;
            case AVG:
                return count == 0 ? null : sum / count;
            default:
                return extreme;
        }
    }

    @Override
    public String toString() {
        return kind + "(" + variable + "." + column + ", " + offset + ")" + (before > 0 ? " - " + before : "");
    }
}
