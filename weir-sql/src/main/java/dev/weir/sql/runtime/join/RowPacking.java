package dev.weir.sql.runtime.join;

import java.io.Serializable;

/**
 * Which columns of one join input's rows {@link PackedRows} keeps unboxed in a {@code long[]} (columns whose internal
 * form is a {@code Long}: BIGINT, TIMESTAMP, TIMESTAMP_LTZ) and which as references. Per row the long part is a NULL
 * mask (bit {@code s} set: long column {@code s} is NULL) followed by the long columns; at most 63 columns are packed
 * so that one mask word covers them, the rest are kept as references.
 */
public final class RowPacking implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LONG_COLUMNS = 63;

    /** Per column: its long slot ({@code >= 0}) or the complement of its reference slot. */
    private final int[] slots;
    private final int longStride;
    private final int refStride;

    /** {@code longColumns[i]}: column {@code i}'s values are always {@code Long} or null. */
    public RowPacking(boolean[] longColumns) {
        slots = new int[longColumns.length];
        int longs = 0;
        int refs = 0;
        for (int i = 0; i < longColumns.length; i++) {
            slots[i] = longColumns[i] && longs < MAX_LONG_COLUMNS ? longs++ : ~refs++;
        }
        longStride = longs == 0 ? 0 : longs + 1;
        refStride = refs;
    }

    /** Every column a reference: rows of any types, still without a {@code Row} per row. */
    public static RowPacking ofReferences(int arity) {
        return new RowPacking(new boolean[arity]);
    }

    int arity() {
        return slots.length;
    }

    int slot(int column) {
        return slots[column];
    }

    /** Longs per row: the NULL mask and the long columns, or 0 when no column is packed. */
    int longStride() {
        return longStride;
    }

    int refStride() {
        return refStride;
    }
}
