package dev.weir.sql.runtime.join;

import dev.weir.types.Row;
import java.util.Arrays;

/**
 * The rows one join side keeps under one key, in arrival order, laid out by a {@link RowPacking}: every row's long
 * columns in one {@code long[]} and its other columns in one {@code Object[]}, where a list of rows held a list, its
 * array, and per row a {@code Row}, its field array and a box per number. A join keeps every row of an insert-only
 * input (Nexmark q7 keeps every bid), so the young collector copies what is kept: here two arrays per key instead of
 * some ten objects per row. Rows are rebuilt only to join: the output row is filled from these fields directly.
 */
public final class PackedRows {
    private long[] longs;
    private Object[] refs;
    private int size;

    private PackedRows() {
        // For the state serializer.
    }

    /** One row, in arrays of exactly its size (most keys keep a single row). */
    static PackedRows of(RowPacking packing, Row row) {
        PackedRows rows = new PackedRows();
        rows.longs = packing.longStride() == 0 ? null : new long[packing.longStride()];
        rows.refs = packing.refStride() == 0 ? null : new Object[packing.refStride()];
        rows.write(packing, 0, row);
        rows.size = 1;
        return rows;
    }

    /** Appends {@code row}, doubling the arrays when they are full. */
    void add(RowPacking packing, Row row) {
        int longStride = packing.longStride();
        int refStride = packing.refStride();
        int capacity = longStride > 0 ? longs.length / longStride : refs.length / refStride;
        if (size == capacity) {
            if (longs != null) {
                longs = Arrays.copyOf(longs, 2 * capacity * longStride);
            }
            if (refs != null) {
                refs = Arrays.copyOf(refs, 2 * capacity * refStride);
            }
        }
        write(packing, size, row);
        size++;
    }

    int size() {
        return size;
    }

    /** Column {@code column} of row {@code index}, in its internal form (a long column boxed again). */
    Object field(RowPacking packing, int index, int column) {
        int slot = packing.slot(column);
        if (slot < 0) {
            return refs[index * packing.refStride() + ~slot];
        }
        int base = index * packing.longStride();
        return (longs[base] & (1L << slot)) != 0 ? null : Long.valueOf(longs[base + 1 + slot]);
    }

    private void write(RowPacking packing, int index, Row row) {
        int longBase = index * packing.longStride();
        int refBase = index * packing.refStride();
        long nulls = 0;
        for (int column = 0, n = packing.arity(); column < n; column++) {
            Object value = row.getField(column);
            int slot = packing.slot(column);
            if (slot < 0) {
                refs[refBase + ~slot] = value;
            } else if (value == null) {
                nulls |= 1L << slot;
            } else if (value instanceof Long) {
                longs[longBase + 1 + slot] = (Long) value;
            } else {
                throw new IllegalStateException("A join input's column " + column + " holds a "
                        + value.getClass().getName() + " (" + value + ") where its SQL type's internal form is a Long: "
                        + "a bug in Weir's planner, please report it with the query");
            }
        }
        if (longs != null) {
            longs[longBase] = nulls;
        }
    }
}
