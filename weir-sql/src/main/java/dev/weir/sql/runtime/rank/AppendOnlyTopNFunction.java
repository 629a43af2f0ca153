package dev.weir.sql.runtime.rank;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;

/**
 * Top-N of an insert-only input per partition key ({@code ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) <= N}), as
 * Flink's append-only rank runs it: the key's best N rows, in order (ties in arrival order), are keyed state; a row
 * that is not better than the N-th of a full list is dropped. Output rows are the input row with the row number
 * appended. With the row number in the result, every row whose rank changed is updated ({@code -U} the row that held
 * the rank, {@code +U} its new holder) and a rank newly filled is inserted; without it, the row pushed out is deleted
 * and the new row inserted, except in a top-1, whose one row is updated ({@code -U} old, {@code +U} new) as in Flink 2.3.
 */
public final class AppendOnlyTopNFunction extends KeyedProcessFunction<Object, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final SortKeyComparator order;
    /** The first rank emitted ({@code rn >= start}); the rows above it are kept to rank the others. */
    private final long start;
    private final long n;
    private final boolean withRowNumber;
    private transient ValueState<Row[]> topRows;

    public AppendOnlyTopNFunction(SortKeyComparator order, long n, boolean withRowNumber) {
        this(order, 1, n, withRowNumber);
    }

    /** The ranks {@code start} to {@code n} ({@code rn BETWEEN start AND n}); from a start above 1 with the row number. */
    public AppendOnlyTopNFunction(SortKeyComparator order, long start, long n, boolean withRowNumber) {
        if (start > 1 && !withRowNumber) {
            throw new IllegalArgumentException("a rank range from " + start + " needs the row number: the planner adds it "
                    + "and projects it away, as Flink does");
        }
        this.order = order;
        this.start = start;
        this.n = n;
        this.withRowNumber = withRowNumber;
    }

    @Override
    public void open(OpenContext openContext) {
        topRows = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-top-n-rows", Row[].class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Row[] rows = topRows.value();
        int size = rows == null ? 0 : rows.length;
        int position = positionAfterEqual(rows, size, input);
        if (position >= n) {
            return; // not better than the N-th row: the common case once a key's list is full, decided without a copy
        }
        // Kept as it came when it is an INSERT (always, for an insert-only input): no operator changes a row it has
        // passed on, and the output rows are new rows.
        Row row = input;
        if (row.getKind() != RowKind.INSERT) {
            row = Row.copy(input);
            row.setKind(RowKind.INSERT);
        }
        // A new array, never the stored one changed in place, so that no state snapshot can see a half-shifted list.
        int newSize = (int) Math.min(size + 1, n);
        Row[] updated = new Row[newSize];
        if (position > 0) {
            System.arraycopy(rows, 0, updated, 0, position);
        }
        updated[position] = row;
        if (newSize > position + 1) {
            System.arraycopy(rows, position, updated, position + 1, newSize - position - 1);
        }
        if (withRowNumber) {
            // Ranks from the new row's to the last one held change holder (-U the old, +U the new); a rank newly
            // filled (the list was not full) is inserted.
            for (int rank = (int) Math.max(position + 1, start); rank <= size; rank++) {
                out.collect(ranked(RowKind.UPDATE_BEFORE, rows[rank - 1], rank));
                out.collect(ranked(RowKind.UPDATE_AFTER, updated[rank - 1], rank));
            }
            if (size < n && size + 1 >= start) {
                out.collect(ranked(RowKind.INSERT, updated[size], size + 1L));
            }
        } else if (n == 1 && size == 1) {
            // A top-1 holds one row per partition: Flink 2.3 updates it (-U the old row, +U the new one) where a
            // longer top N deletes the row pushed out and inserts the new one.
            out.collect(ranked(RowKind.UPDATE_BEFORE, rows[0], 0));
            out.collect(ranked(RowKind.UPDATE_AFTER, row, 0));
        } else {
            if (size == n) {
                out.collect(ranked(RowKind.DELETE, rows[size - 1], 0));
            }
            out.collect(ranked(RowKind.INSERT, row, 0));
        }
        topRows.update(updated);
    }

    /** How many of the first {@code size} rows sort before or equal to {@code input}: where it goes, ties after. */
    private int positionAfterEqual(Row[] rows, int size, Row input) {
        if (size == n && order.compare(rows[size - 1], input) <= 0) {
            return size;
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(rows[mid], input) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Row ranked(RowKind kind, Row row, long rank) {
        return RankedRows.ranked(kind, row, rank, withRowNumber);
    }
}
