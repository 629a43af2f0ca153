package dev.weir.sql.runtime.rank;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.Arrays;

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
 *
 * <p>The key's rows are one {@link OrderedRows}, changed in place: a row below the top N costs a binary search and
 * a shift within one block; only a change that reaches the top N reads it, before and after, into arrays kept for the
 * next row.
 */
public final class RetractableTopNFunction extends KeyedProcessFunction<Object, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final SortKeyComparator order;
    /** The first rank emitted ({@code rn >= start}); the rows above it are kept to rank the others. */
    private final long start;
    private final long n;
    private final boolean withRowNumber;
    private final boolean updateFast;
    private transient ValueState<OrderedRows> sortedRows;
    /** Update-fast only: the {@code -U} row waiting for its {@code +U}. */
    private transient ValueState<Row> pendingBefore;
    /** The top N before and after a change, and which rows of each the other holds too: reused for every row. */
    private transient Row[] before;
    private transient Row[] after;
    private transient boolean[] matchedBefore;
    private transient boolean[] matchedAfter;

    public RetractableTopNFunction(SortKeyComparator order, long n, boolean withRowNumber) {
        this(order, n, withRowNumber, false);
    }

    public RetractableTopNFunction(SortKeyComparator order, long n, boolean withRowNumber, boolean updateFast) {
        this(order, 1, n, withRowNumber, updateFast);
    }

    /** The ranks {@code start} to {@code n} ({@code rn BETWEEN start AND n}); from a start above 1 with the row number. */
    public RetractableTopNFunction(SortKeyComparator order, long start, long n, boolean withRowNumber, boolean updateFast) {
        if (start > 1 && !withRowNumber) {
            throw new IllegalArgumentException("a rank range from " + start + " needs the row number: the planner adds it "
                    + "and projects it away");
        }
        this.order = order;
        this.start = start;
        this.n = n;
        this.withRowNumber = withRowNumber;
        this.updateFast = updateFast;
    }

    @Override
    public void open(OpenContext openContext) {
        sortedRows = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-retract-top-n-ordered-rows",
                OrderedRows.class));
        if (updateFast) {
            pendingBefore = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-update-fast-top-n-before", Row.class));
        }
        before = new Row[0];
        after = new Row[0];
        matchedBefore = new boolean[0];
        matchedAfter = new boolean[0];
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        RowKind kind = input.getKind();
        if (updateFast && kind == RowKind.UPDATE_BEFORE) {
            Row held = Row.copy(input);
            held.setKind(RowKind.INSERT);
            pendingBefore.update(held);
            return;
        }
        OrderedRows rows = sortedRows.value();
        if (rows == null) {
            rows = new OrderedRows();
        }
        // Ranks past Integer.MAX_VALUE are never reached: no partition holds that many rows.
        int limit = (int) Math.min(n, Integer.MAX_VALUE - 1);
        boolean adds = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
        Row replaced = null;
        int replacedAt = -1;
        if (updateFast && kind == RowKind.UPDATE_AFTER) {
            replaced = pendingBefore.value();
            pendingBefore.clear();
            replacedAt = replaced == null ? -1 : rows.indexOf(replaced, order, limit);
            if (replacedAt < 0) {
                replaced = null;
            }
        }
        int at = adds ? rows.insertionIndex(input, order, limit) : rows.indexOf(input, order, limit);
        if (at < 0) {
            return; // a retraction of a row this key no longer holds (its state expired): nothing it ranked is left
        }
        // Only a change within the first N rows changes the result; the top N is read before it only then.
        boolean changesTop = at < limit || (replaced != null && replacedAt < limit);
        int beforeSize = changesTop ? Math.min(limit, rows.size()) : 0;
        if (changesTop) {
            before = capacity(before, beforeSize);
            rows.copyFirst(before, beforeSize);
        }
        if (replaced != null) {
            rows.remove(replaced, order);
        }
        Row row = input;
        if (adds) {
            // Kept as it came when it is an INSERT: no operator changes a row it has passed on.
            if (kind != RowKind.INSERT) {
                row = Row.copy(input);
                row.setKind(RowKind.INSERT);
            }
            rows.insert(row, order);
        } else {
            rows.remove(input, order);
        }
        if (changesTop) {
            int afterSize = Math.min(limit, rows.size());
            after = capacity(after, afterSize);
            rows.copyFirst(after, afterSize);
            emitChanges(beforeSize, afterSize, replaced, row, out);
        }
        if (rows.size() == 0) {
            sortedRows.clear();
        } else {
            sortedRows.update(rows);
        }
    }

    private void emitChanges(int beforeSize, int afterSize, Row replaced, Row row, Collector<Row> out) {
        int from = replaced == null ? -1 : indexOfEqual(before, beforeSize, replaced);
        int to = from < 0 ? -1 : indexOfSame(after, afterSize, row);
        if (withRowNumber && to >= 0 && to != from) {
            // An update that moves a row within the top N: Flink's update-fast rank retracts every rank between its old
            // and new place, then emits their new holders (measured on Flink 2.3); a row entering from below the top N
            // changes one rank after another, as below.
            int low = (int) Math.max(Math.min(from, to), start - 1);
            int high = Math.max(from, to);
            for (int i = low; i <= high; i++) {
                out.collect(ranked(RowKind.UPDATE_BEFORE, before[i], i + 1L));
            }
            for (int i = low; i <= high; i++) {
                out.collect(ranked(RowKind.UPDATE_AFTER, after[i], i + 1L));
            }
        } else if (withRowNumber) {
            for (int rank = (int) start; rank <= Math.max(beforeSize, afterSize); rank++) {
                Row old = rank <= beforeSize ? before[rank - 1] : null;
                Row now = rank <= afterSize ? after[rank - 1] : null;
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
            emitEnteringAndLeaving(beforeSize, afterSize, from, replaced, row, out);
        }
    }

    /**
     * Without the row number: the rows that left the top N ({@code -D}, in their order) and those that entered it
     * ({@code +I}), as multisets of equal rows; the updated row staying in the top N is one update.
     */
    private void emitEnteringAndLeaving(int beforeSize, int afterSize, int from, Row replaced, Row row, Collector<Row> out) {
        int size = Math.max(beforeSize, afterSize);
        if (matchedBefore.length < size) {
            matchedBefore = new boolean[Math.max(size, 2 * matchedBefore.length)];
            matchedAfter = new boolean[matchedBefore.length];
        }
        Arrays.fill(matchedBefore, 0, beforeSize, false);
        Arrays.fill(matchedAfter, 0, afterSize, false);
        int to = from < 0 ? -1 : indexOfEqual(after, afterSize, row);
        if (to >= 0) {
            // The updated row stayed in the top N: one update, not a delete and an insert.
            matchedBefore[from] = true;
            matchedAfter[to] = true;
            out.collect(ranked(RowKind.UPDATE_BEFORE, replaced, 0));
            out.collect(ranked(RowKind.UPDATE_AFTER, row, 0));
        }
        // Up to the first change, both hold the same rows in the same places; past it, rows are matched by equality.
        int common = 0;
        while (common < beforeSize && common < afterSize && before[common] == after[common] && !matchedBefore[common]
                && !matchedAfter[common]) {
            matchedBefore[common] = true;
            matchedAfter[common] = true;
            common++;
        }
        for (int i = common; i < beforeSize; i++) {
            for (int j = common; j < afterSize && !matchedBefore[i]; j++) {
                if (!matchedAfter[j] && before[i].equals(after[j])) {
                    matchedBefore[i] = true;
                    matchedAfter[j] = true;
                }
            }
        }
        int left = -1;
        int leftCount = 0;
        for (int i = common; i < beforeSize; i++) {
            if (!matchedBefore[i]) {
                left = i;
                leftCount++;
            }
        }
        int entered = -1;
        int enteredCount = 0;
        for (int j = common; j < afterSize; j++) {
            if (!matchedAfter[j]) {
                entered = j;
                enteredCount++;
            }
        }
        if (updateFast && n == 1 && leftCount == 1 && enteredCount == 1) {
            // A top-1 without the row number holds one row per partition: Flink 2.3's update-fast rank updates it
            // (-U the old leader, +U the new one) where a longer top N deletes and inserts.
            out.collect(ranked(RowKind.UPDATE_BEFORE, before[left], 0));
            out.collect(ranked(RowKind.UPDATE_AFTER, after[entered], 0));
            return;
        }
        for (int i = common; i < beforeSize; i++) {
            if (!matchedBefore[i]) {
                out.collect(ranked(RowKind.DELETE, before[i], 0));
            }
        }
        for (int j = common; j < afterSize; j++) {
            if (!matchedAfter[j]) {
                out.collect(ranked(RowKind.INSERT, after[j], 0));
            }
        }
    }

    private static Row[] capacity(Row[] rows, int size) {
        return size <= rows.length ? rows : new Row[Math.max(size, 2 * rows.length)];
    }

    /** The index of the first of the first {@code size} {@code rows} equal to {@code row}; -1 if none. */
    private static int indexOfEqual(Row[] rows, int size, Row row) {
        for (int i = 0; i < size; i++) {
            if (rows[i].equals(row)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of {@code row} itself (not an equal row) among the first {@code size} of {@code rows}; -1 if absent. */
    private static int indexOfSame(Row[] rows, int size, Row row) {
        for (int i = 0; i < size; i++) {
            if (rows[i] == row) {
                return i;
            }
        }
        return -1;
    }

    private Row ranked(RowKind kind, Row row, long rank) {
        return RankedRows.ranked(kind, row, rank, withRowNumber);
    }
}
