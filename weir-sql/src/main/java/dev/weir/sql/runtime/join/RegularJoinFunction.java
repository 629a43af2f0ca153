package dev.weir.sql.runtime.join;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapState;
import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A regular (unbounded) SQL join on its equi-join key, as Flink's streaming join runs it. Per key, each side's rows
 * are keyed state: a map from the row to {@code [count, associations]}, where associations (kept for an outer side)
 * is how many rows of the other side it currently joins with. An accumulating row (+I, +U) emits its matches, a
 * retracting one (-U, -D) retracts them; an outer side's row without matches is emitted padded with nulls, and that
 * padded row is retracted ({@code -D}) when its first match arrives and emitted again ({@code +I}) when its last
 * match is retracted. An inner join passes its input's change kind through; an outer side emits {@code +I}/{@code -D}.
 * With {@code table.exec.state.ttl} set, a row not written for that long is forgotten, as in Flink.
 */
public final class RegularJoinFunction extends KeyedCoProcessFunction<Object, Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean leftOuter;
    private final boolean rightOuter;
    private final boolean[] nullKeysNeverMatch;
    private final JoinedRow joined;
    private final long stateTtlMillis;
    private transient MapState<Row, long[]> leftRows;
    private transient MapState<Row, long[]> rightRows;
    private transient List<Row> matchedRows;
    private transient List<long[]> matchedCounts;

    /**
     * {@code nullKeysNeverMatch[i]}: key column i is compared with {@code =} (so NULL matches nothing), not with
     * {@code IS NOT DISTINCT FROM}; {@code condition} is the rest of the ON clause over the joined row, or null;
     * {@code stateTtl} zero keeps state forever.
     */
    public RegularJoinFunction(boolean leftOuter, boolean rightOuter, boolean[] nullKeysNeverMatch, int leftArity,
            int rightArity, Expr condition, Duration stateTtl) {
        this.leftOuter = leftOuter;
        this.rightOuter = rightOuter;
        this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
        this.joined = new JoinedRow(leftArity, rightArity, condition);
        this.stateTtlMillis = stateTtl.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        leftRows = getRuntimeContext().getMapState(JoinStates.rows("sql-join-left-rows", stateTtlMillis));
        rightRows = getRuntimeContext().getMapState(JoinStates.rows("sql-join-right-rows", stateTtlMillis));
        matchedRows = new ArrayList<>();
        matchedCounts = new ArrayList<>();
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
        RowKind kind = input.getKind();
        boolean accumulate = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
        Row record = Row.copy(input);
        record.setKind(RowKind.INSERT);
        MapState<Row, long[]> mine = inputIsLeft ? leftRows : rightRows;
        MapState<Row, long[]> other = inputIsLeft ? rightRows : leftRows;
        boolean inputOuter = inputIsLeft ? leftOuter : rightOuter;
        boolean otherOuter = inputIsLeft ? rightOuter : leftOuter;
        long matches = findMatches(record, inputIsLeft, key, other);
        if (accumulate) {
            if (matches == 0) {
                if (inputOuter) {
                    out.collect(joined.of(RowKind.INSERT, record, null, inputIsLeft));
                }
            } else {
                for (int i = 0; i < matchedRows.size(); i++) {
                    Row match = matchedRows.get(i);
                    long[] counts = matchedCounts.get(i);
                    if (otherOuter) {
                        if (counts[1] == 0) {
                            emitCopies(out, joined.of(RowKind.DELETE, null, match, inputIsLeft), counts[0]);
                        }
                        counts[1]++;
                        other.put(match, counts);
                    }
                    RowKind outKind = inputOuter || otherOuter ? RowKind.INSERT : kind;
                    emitCopies(out, joined.of(outKind, record, match, inputIsLeft), counts[0]);
                }
            }
            long[] mineCounts = mine.get(record);
            if (mineCounts == null) {
                mineCounts = new long[] {1, matches};
            } else {
                mineCounts[0]++;
                mineCounts[1] = matches;
            }
            mine.put(record, mineCounts);
        } else {
            long[] mineCounts = mine.get(record);
            if (mineCounts != null) {
                if (mineCounts[0] <= 1) {
                    mine.remove(record);
                } else {
                    mineCounts[0]--;
                    mine.put(record, mineCounts);
                }
            }
            if (matches == 0) {
                if (inputOuter) {
                    out.collect(joined.of(RowKind.DELETE, record, null, inputIsLeft));
                }
            } else {
                RowKind outKind = inputOuter ? RowKind.DELETE : kind;
                for (int i = 0; i < matchedRows.size(); i++) {
                    Row match = matchedRows.get(i);
                    long[] counts = matchedCounts.get(i);
                    emitCopies(out, joined.of(outKind, record, match, inputIsLeft), counts[0]);
                    if (otherOuter) {
                        if (counts[1] == 1) {
                            emitCopies(out, joined.of(RowKind.INSERT, null, match, inputIsLeft), counts[0]);
                        }
                        counts[1] = Math.max(0, counts[1] - 1);
                        other.put(match, counts);
                    }
                }
            }
        }
    }

    /** Fills the matched lists with the other side's rows that join {@code record}; returns how many, with duplicates. */
    private long findMatches(Row record, boolean inputIsLeft, Object key, MapState<Row, long[]> other) throws Exception {
        matchedRows.clear();
        matchedCounts.clear();
        if (JoinStates.matchesNothing(key, nullKeysNeverMatch)) {
            return 0;
        }
        long total = 0;
        for (Map.Entry<Row, long[]> entry : other.entries()) {
            if (joined.matches(record, entry.getKey(), inputIsLeft)) {
                matchedRows.add(entry.getKey());
                matchedCounts.add(entry.getValue());
                total += entry.getValue()[0];
            }
        }
        return total;
    }

    private static void emitCopies(Collector<Row> out, Row row, long copies) {
        for (long i = 1; i < copies; i++) {
            out.collect(Row.copy(row));
        }
        out.collect(row);
    }
}
