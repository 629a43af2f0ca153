package dev.weir.sql.runtime.join;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.List;
import java.util.RandomAccess;

/**
 * A regular inner join of two insert-only inputs (Nexmark q3, q4, q7, q9, q20): its output is insert-only, and no row
 * is ever retracted, so each side's rows under the join key are just appended and scanned, where the general
 * {@link RegularJoinFunction} keeps a map from each whole row (hashed over every field per lookup) to its counters. A
 * duplicate row is simply kept twice. A row whose key has a NULL compared with {@code =} joins nothing and is not kept.
 *
 * <p>Without a state TTL a key's rows of one side are one {@link PackedRows} value (their long columns unboxed, no
 * {@code Row} per row), so a kept row costs the young collector a share of two arrays instead of some ten objects. On
 * the heap a row is appended in place and not written back; on a backend that serializes values (RocksDB) each append
 * writes the key's rows of that side again, as each probe already reads the other side's. With {@code table.exec.state.ttl} set, each side
 * keeps a list of rows, each forgotten when not written for that long, as in Flink.
 */
public final class InsertOnlyInnerJoinFunction extends KeyedCoProcessFunction<Object, Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean[] nullKeysNeverMatch;
    private final JoinedRow joined;
    private final long stateTtlMillis;
    private final RowPacking leftPacking;
    private final RowPacking rightPacking;
    private transient ListState<Row> leftRows;
    private transient ListState<Row> rightRows;
    private transient ValueState<PackedRows> leftPacked;
    private transient ValueState<PackedRows> rightPacked;
    /** Whether the state backend's values are the stored objects themselves (the heap), once {@link #storesValuesChecked}. */
    private transient boolean storesValues;
    private transient boolean storesValuesChecked;

    /** As {@link RegularJoinFunction}'s arguments, for an inner join whose inputs never retract; every column kept by reference. */
    public InsertOnlyInnerJoinFunction(boolean[] nullKeysNeverMatch, int leftArity, int rightArity, Expr condition,
            Duration stateTtl) {
        this(nullKeysNeverMatch, RowPacking.ofReferences(leftArity), RowPacking.ofReferences(rightArity), condition,
                stateTtl);
    }

    /** As above, each side's kept rows laid out by its packing. */
    public InsertOnlyInnerJoinFunction(boolean[] nullKeysNeverMatch, RowPacking leftPacking, RowPacking rightPacking,
            Expr condition, Duration stateTtl) {
        this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
        this.joined = new JoinedRow(leftPacking.arity(), rightPacking.arity(), condition);
        this.stateTtlMillis = stateTtl.toMillis();
        this.leftPacking = leftPacking;
        this.rightPacking = rightPacking;
    }

    @Override
    public void open(OpenContext openContext) {
        if (stateTtlMillis > 0) {
            leftRows = getRuntimeContext().getListState(JoinStates.rowList("sql-join-left-row-list", stateTtlMillis));
            rightRows = getRuntimeContext().getListState(JoinStates.rowList("sql-join-right-row-list", stateTtlMillis));
        } else {
            leftPacked = getRuntimeContext().getState(
                    new ValueStateDescriptor<>("sql-join-left-packed-rows", PackedRows.class));
            rightPacked = getRuntimeContext().getState(
                    new ValueStateDescriptor<>("sql-join-right-packed-rows", PackedRows.class));
        }
    }

    @Override
    public void processElement1(Row input, Context ctx, Collector<Row> out) throws Exception {
        process(input, true, ctx.getCurrentKey(), out);
    }

    @Override
    public void processElement2(Row input, Context ctx, Collector<Row> out) throws Exception {
        process(input, false, ctx.getCurrentKey(), out);
    }

    private void process(Row input, boolean inputIsLeft, Object key, Collector<Row> out) throws Exception {
        if (input.getKind() != RowKind.INSERT) {
            throw new IllegalStateException("The insert-only inner join received a " + input.getKind() + " row " + input
                    + " on its " + (inputIsLeft ? "left" : "right") + " input; the planner chose it for insert-only"
                    + " inputs only, so this is a bug in Weir's planner: please report it with the query");
        }
        if (JoinStates.matchesNothing(key, nullKeysNeverMatch)) {
            return;
        }
        if (stateTtlMillis == 0) {
            joinPacked(input, inputIsLeft, out);
            return;
        }
        Iterable<Row> others = (inputIsLeft ? rightRows : leftRows).get();
        if (others instanceof List<Row> list && others instanceof RandomAccess) {
            // The heap's lists by index: an iterator per probe showed in q9's allocation samples (22 bytes an event).
            for (int i = 0, n = list.size(); i < n; i++) {
                emitIfMatching(input, list.get(i), inputIsLeft, out);
            }
        } else {
            for (Row other : others) {
                emitIfMatching(input, other, inputIsLeft, out);
            }
        }
        // Kept as it came, without a copy: Weir passes records by reference and no operator changes a row it has
        // passed on (those that reuse a row copy it first), as heap state keeps a DataStream job's values.
        (inputIsLeft ? leftRows : rightRows).add(input);
    }

    private void joinPacked(Row input, boolean inputIsLeft, Collector<Row> out) throws Exception {
        PackedRows others = (inputIsLeft ? rightPacked : leftPacked).value();
        if (others != null) {
            RowPacking otherPacking = inputIsLeft ? rightPacking : leftPacking;
            for (int i = 0, n = others.size(); i < n; i++) {
                Row joinedRow = joined.ofMatching(input, others, otherPacking, i, inputIsLeft);
                if (joinedRow != null) {
                    out.collect(joinedRow);
                }
            }
        }
        ValueState<PackedRows> own = inputIsLeft ? leftPacked : rightPacked;
        RowPacking packing = inputIsLeft ? leftPacking : rightPacking;
        PackedRows rows = own.value();
        if (rows == null) {
            rows = PackedRows.of(packing, input);
            own.update(rows);
            if (!storesValuesChecked) {
                // Asked once per instance: the heap hands back the stored object, RocksDB a copy of it.
                storesValuesChecked = true;
                storesValues = own.value() == rows;
            }
        } else {
            rows.add(packing, input);
            if (!storesValues) {
                // A backend that hands back a copy keeps only what is written. On the heap the rows just changed in
                // place are the stored value already: writing them back was a second hash lookup per row (q7's join
                // keeps every bid under its price).
                own.update(rows);
            }
        }
    }

    private void emitIfMatching(Row input, Row other, boolean inputIsLeft, Collector<Row> out) {
        if (joined.matches(input, other, inputIsLeft)) {
            out.collect(joined.of(RowKind.INSERT, input, other, inputIsLeft));
        }
    }
}
