package dev.weir.sql.runtime.rank;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Top-N of an updating input per partition key ({@code ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) <= N} over an
 * aggregate, an outer join ...), as Flink's retract rank runs it: every live row of the key is state, in order (ties
 * in arrival order), because a retraction can lift a row from below the top N into it. Each change is followed by the
 * difference between the top N before and after it. With the row number in the result, a rank whose holder changed is
 * updated ({@code -U} the old holder, {@code +U} the new one), a rank newly filled is inserted and a rank left empty
 * deleted; without it, the rows that left the top N are deleted and those that entered it inserted.
 *
 * <p>As Flink's update-fast rank ({@code updateFast}: the input's rows have a unique key and their sort keys move one
 * way, see the planner's {@code UpdateFastRank}), an update's {@code -U} is held until its {@code +U} and the two change
 * the top N as one step: a row that moves within the top N is updated ({@code -U}/{@code +U} of its old and new
 * values) where two separate steps would delete and insert it again. With the row number, a row that moves within the
 * top N retracts every rank between its old and new place ({@code -U}) before emitting their new holders ({@code +U}),
 * as Flink 2.3 does; a top-1 without the row number updates its one row when another takes its place.
 */
public final class RetractableTopNFunction extends KeyedProcessFunction<Object, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final SortKeyComparator order;
    private final long n;
    private final boolean withRowNumber;
    private final boolean updateFast;
    private transient ValueState<Row[]> sortedRows;
    /** Update-fast only: the {@code -U} row waiting for its {@code +U}. */
    private transient ValueState<Row> pendingBefore;

    public RetractableTopNFunction(SortKeyComparator order, long n, boolean withRowNumber) {
        this(order, n, withRowNumber, false);
    }

    public RetractableTopNFunction(SortKeyComparator order, long n, boolean withRowNumber, boolean updateFast) {
        this.order = order;
        this.n = n;
        this.withRowNumber = withRowNumber;
        this.updateFast = updateFast;
    }

    @Override
    public void open(OpenContext openContext) {
        sortedRows = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-retract-top-n-rows", Row[].class));
        if (updateFast) {
            pendingBefore = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-update-fast-top-n-before", Row.class));
        }
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        if (updateFast && input.getKind() == RowKind.UPDATE_BEFORE) {
            Row held = Row.copy(input);
            held.setKind(RowKind.INSERT);
            pendingBefore.update(held);
            return;
        }
        Row[] stored = sortedRows.value();
        List<Row> rows = stored == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(stored));
        List<Row> before = new ArrayList<>(rows.subList(0, (int) Math.min(n, rows.size())));
        Row row = Row.copy(input);
        row.setKind(RowKind.INSERT);
        Row replaced = null;
        if (updateFast && input.getKind() == RowKind.UPDATE_AFTER) {
            replaced = pendingBefore.value();
            pendingBefore.clear();
            if (replaced != null && !rows.remove(replaced)) {
                replaced = null;
            }
        }
        if (input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER) {
            int position = Collections.binarySearch(rows, row, (a, b) -> order.compare(a, b) <= 0 ? -1 : 1);
            rows.add(-position - 1, row); // after every row that sorts before or equal to it
        } else if (!rows.remove(row)) {
            return; // a retraction of a row this key no longer holds (its state expired): nothing it ranked is left
        }
        int size = (int) Math.min(n, rows.size());
        int from = replaced == null ? -1 : before.indexOf(replaced);
        int to = from < 0 ? -1 : indexOfSame(rows, row, size);
        if (withRowNumber && to >= 0 && to != from) {
            // An update that moves a row within the top N: Flink's update-fast rank retracts every rank between its old
            // and new place, then emits their new holders (measured on Flink 2.3); a row entering from below the top N
            // changes one rank after another, as below.
            int low = Math.min(from, to);
            int high = Math.max(from, to);
            for (int i = low; i <= high; i++) {
                out.collect(ranked(RowKind.UPDATE_BEFORE, before.get(i), i + 1L));
            }
            for (int i = low; i <= high; i++) {
                out.collect(ranked(RowKind.UPDATE_AFTER, rows.get(i), i + 1L));
            }
        } else if (withRowNumber) {
            for (int rank = 1; rank <= Math.max(before.size(), size); rank++) {
                Row old = rank <= before.size() ? before.get(rank - 1) : null;
                Row now = rank <= size ? rows.get(rank - 1) : null;
                if (old == null) {
                    out.collect(ranked(RowKind.INSERT, now, rank));
                } else if (now == null) {
                    out.collect(ranked(RowKind.DELETE, old, rank));
                } else if (!old.equals(now)) {
                    out.collect(ranked(RowKind.UPDATE_BEFORE, old, rank));
                    out.collect(ranked(RowKind.UPDATE_AFTER, now, rank));
                }
            }
        } else {
            List<Row> after = new ArrayList<>(rows.subList(0, size));
            if (replaced != null && before.contains(replaced) && after.contains(row)) {
                // The updated row stayed in the top N: one update, not a delete and an insert.
                before.remove(replaced);
                after.remove(row);
                out.collect(ranked(RowKind.UPDATE_BEFORE, replaced, 0));
                out.collect(ranked(RowKind.UPDATE_AFTER, row, 0));
            }
            List<Row> left = new ArrayList<>(before);
            for (Row r : after) {
                left.remove(r);
            }
            for (Row r : before) {
                after.remove(r);
            }
            if (updateFast && n == 1 && left.size() == 1 && after.size() == 1) {
                // A top-1 without the row number holds one row per partition: Flink 2.3's update-fast rank updates it
                // (-U the old leader, +U the new one) where a longer top N deletes and inserts.
                out.collect(ranked(RowKind.UPDATE_BEFORE, left.get(0), 0));
                out.collect(ranked(RowKind.UPDATE_AFTER, after.get(0), 0));
                left.clear();
                after.clear();
            }
            for (Row r : left) {
                out.collect(ranked(RowKind.DELETE, r, 0));
            }
            for (Row r : after) {
                out.collect(ranked(RowKind.INSERT, r, 0));
            }
        }
        if (rows.isEmpty()) {
            sortedRows.clear();
        } else {
            sortedRows.update(rows.toArray(new Row[0]));
        }
    }

    /** The index of {@code row} itself (not an equal row) among the first {@code size} of {@code rows}; -1 if absent. */
    private static int indexOfSame(List<Row> rows, Row row, int size) {
        for (int i = 0; i < size; i++) {
            if (rows.get(i) == row) {
                return i;
            }
        }
        return -1;
    }

    private Row ranked(RowKind kind, Row row, long rank) {
        return RankedRows.ranked(kind, row, rank, withRowNumber);
    }
}
