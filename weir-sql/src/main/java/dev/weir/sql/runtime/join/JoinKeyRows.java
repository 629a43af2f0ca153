package dev.weir.sql.runtime.join;

import dev.weir.types.Row;
import java.io.Serializable;

/**
 * Both sides' rows under one key of an insert-only inner join ({@link InsertOnlyInnerJoinFunction}), as one state value:
 * a row looks its key up once, where a list per side took a lookup in each side's map and a write for a new key. The
 * two sides share one array, left rows from its start and right rows from its end, each side in arrival order; most
 * keys of a join on a value such as a price hold a single row, which costs this object and a one-slot array (a list per
 * side cost an {@code ArrayList} and its ten-slot array).
 */
final class JoinKeyRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private Row[] rows;
    private int left;
    private int right;

    JoinKeyRows(Row first, boolean isLeft) {
        rows = new Row[] {first};
        if (isLeft) {
            left = 1;
        } else {
            right = 1;
        }
    }

    /** How many rows the left side (or the right, if {@code !isLeft}) holds. */
    int count(boolean isLeft) {
        return isLeft ? left : right;
    }

    /** The {@code i}-th row to arrive on the left side (or the right, if {@code !isLeft}). */
    Row row(boolean isLeft, int i) {
        return isLeft ? rows[i] : rows[rows.length - 1 - i];
    }

    /** Appends {@code row} to its side; duplicates are kept, as the join must join them again. */
    void add(Row row, boolean isLeft) {
        if (left + right == rows.length) {
            Row[] bigger = new Row[rows.length + (rows.length >> 1) + 1];
            System.arraycopy(rows, 0, bigger, 0, left);
            System.arraycopy(rows, rows.length - right, bigger, bigger.length - right, right);
            rows = bigger;
        }
        if (isLeft) {
            rows[left++] = row;
        } else {
            rows[rows.length - 1 - right++] = row;
        }
    }
}
