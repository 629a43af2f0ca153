package dev.weir.sql.match;

import java.io.Serializable;

/**
 * A MATCH_RECOGNIZE pattern that is a sequence of quantified variables ({@code A B+ C{1,3}? D*}), with each
 * variable's DEFINE condition (null: every row qualifies), its WITHIN interval and its AFTER MATCH SKIP strategy, and
 * the search for the preferred match starting at a row: greedy quantifiers try one more row before moving on,
 * reluctant ones move on first, as a regular expression's preferment orders them. A search that would need a row not
 * yet released by the watermark waits for it: the match is then not decided yet.
 */
public final class MatchPattern implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The search found a match; its last row is {@link #end()}. */
    static final int MATCHED = 1;
    /** No match starts at the row. */
    static final int NO_MATCH = 0;
    /** The preferred path needs rows the watermark has not released yet. */
    static final int UNDECIDED = -1;

    /** Where the next search starts after a match. */
    public enum Skip { PAST_LAST_ROW, TO_NEXT_ROW, TO_FIRST, TO_LAST }

    private final int[] variables;
    private final int[] min;
    private final int[] max;
    private final boolean[] reluctant;
    private final String[] names;
    private final MatchExpression[] defines;
    private final long withinMillis;
    private final Skip skip;
    private final int skipVariable;
    private transient MatchRows rows;
    private transient int start;
    private transient int end;

    /**
     * The sequence of {@code variables} (indexes into {@code names} and {@code defines}), each repeated
     * {@code min[i]..max[i]} times ({@link Integer#MAX_VALUE}: no bound); {@code withinMillis} 0 for no WITHIN.
     */
    public MatchPattern(int[] variables, int[] min, int[] max, boolean[] reluctant, String[] names, MatchExpression[] defines,
            long withinMillis, Skip skip, int skipVariable) {
        this.variables = variables;
        this.min = min;
        this.max = max;
        this.reluctant = reluctant;
        this.names = names;
        this.defines = defines;
        this.withinMillis = withinMillis;
        this.skip = skip;
        this.skipVariable = skipVariable;
    }

    /** The last row of the match the latest {@link #search} found. */
    int end() {
        return end;
    }

    /** Searches the preferred match of {@code rows} starting at {@code from}: MATCHED, NO_MATCH or UNDECIDED. */
    int search(MatchRows rows, int from, int rowtimeIndex) {
        this.rows = rows;
        this.start = from;
        int result = step(0, 0, from, rowtimeIndex);
        this.rows = null;
        return result;
    }

    private int step(int element, int count, int at, int rowtimeIndex) {
        if (element == variables.length) {
            if (at == start) {
                return NO_MATCH; // an empty match is none
            }
            end = at - 1;
            return MATCHED;
        }
        boolean mayTake = count < max[element];
        boolean mayLeave = count >= min[element];
        if (reluctant[element]) {
            int left = mayLeave ? step(element + 1, 0, at, rowtimeIndex) : NO_MATCH;
            if (left != NO_MATCH) {
                return left;
            }
            return mayTake ? take(element, count, at, rowtimeIndex) : NO_MATCH;
        }
        int taken = mayTake ? take(element, count, at, rowtimeIndex) : NO_MATCH;
        if (taken != NO_MATCH) {
            return taken;
        }
        return mayLeave ? step(element + 1, 0, at, rowtimeIndex) : NO_MATCH;
    }

    private int take(int element, int count, int at, int rowtimeIndex) {
        if (at == rows.size()) {
            return UNDECIDED;
        }
        if (withinMillis > 0 && (Long) rows.row(at).getField(rowtimeIndex) - (Long) rows.row(start).getField(rowtimeIndex)
                >= withinMillis) {
            return NO_MATCH;
        }
        int variable = variables[element];
        rows.label(at, variable);
        MatchExpression define = defines[variable];
        if (define != null && !define.holds(rows, start, at)) {
            return NO_MATCH;
        }
        return step(element, count + 1, at + 1, rowtimeIndex);
    }

    /** Where the search after the match of {@code rows}' rows {@code from..end()} starts. */
    int next(MatchRows rows, int from) {
        switch (skip) {
            case TO_NEXT_ROW:
                return from + 1;
            case TO_FIRST:
            case TO_LAST: {
                int at = skip == Skip.TO_FIRST ? rows.nthFirst(from, end, skipVariable, 0) : rows.nthLast(from, end, skipVariable, 0);
                // Skipping to the match's own first row (or to a variable it did not map) would find it again: next row.
                return at <= from ? from + 1 : at;
            }
            default:
                return end + 1;
        }
    }
}
