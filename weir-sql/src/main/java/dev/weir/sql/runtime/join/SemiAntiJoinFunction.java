package dev.weir.sql.runtime.join;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapState;
import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.Map;

/**
 * A streaming semi join ({@code IN} / {@code EXISTS}) or anti join ({@code NOT IN} / {@code NOT EXISTS}) on its
 * equi-join key, as Flink's runs it: the output is the left rows that have (semi) or have not (anti) a matching right
 * row. Per key, the left rows are state with {@code [count, associations]} (how many right rows each matches now) and
 * the right rows with their count. A left row passes its own change kind through when it qualifies; a right row that
 * gives a left row its first match emits that left row {@code +I} (semi) or {@code -D} (anti), and one that takes its
 * last match away emits {@code -D} (semi) or {@code +I} (anti). With {@code table.exec.state.ttl} set, a row not
 * written for that long is forgotten, as in Flink.
 */
public final class SemiAntiJoinFunction extends KeyedCoProcessFunction<Object, Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean anti;
    private final boolean[] nullKeysNeverMatch;
    private final JoinedRow joined;
    private final long stateTtlMillis;
    private transient MapState<Row, long[]> leftRows;
    private transient MapState<Row, long[]> rightRows;

    /**
     * {@code nullKeysNeverMatch[i]}: key column i is compared with {@code =}, so a NULL matches nothing;
     * {@code condition} is the rest of the join condition over the left row then the right row, or null.
     */
    public SemiAntiJoinFunction(boolean anti, boolean[] nullKeysNeverMatch, int leftArity, int rightArity, Expr condition,
            Duration stateTtl) {
        this.anti = anti;
        this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
        this.joined = new JoinedRow(leftArity, rightArity, condition);
        this.stateTtlMillis = stateTtl.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        leftRows = getRuntimeContext().getMapState(JoinStates.rows("sql-semi-join-left-rows", stateTtlMillis));
        rightRows = getRuntimeContext().getMapState(JoinStates.rows("sql-semi-join-right-rows", stateTtlMillis));
    }

    @Override
    public void processElement1(Row input, Context ctx, Collector<Row> out) throws Exception {
        boolean accumulate = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
        Row record = Row.copy(input);
        record.setKind(RowKind.INSERT);
        long matches = 0;
        if (!JoinStates.matchesNothing(ctx.getCurrentKey(), nullKeysNeverMatch)) {
            for (Map.Entry<Row, long[]> entry : rightRows.entries()) {
                if (joined.matches(record, entry.getKey(), true)) {
                    matches += entry.getValue()[0];
                }
            }
        }
        if ((matches > 0) != anti) {
            out.collect(Row.copy(input));
        }
        long[] counts = leftRows.get(record);
        if (accumulate) {
            if (counts == null) {
                counts = new long[] {1, matches};
            } else {
                counts[0]++;
                counts[1] = matches;
            }
            leftRows.put(record, counts);
        } else if (counts != null) {
            if (counts[0] <= 1) {
                leftRows.remove(record);
            } else {
                counts[0]--;
                leftRows.put(record, counts);
            }
        }
    }

    @Override
    public void processElement2(Row input, Context ctx, Collector<Row> out) throws Exception {
        boolean accumulate = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
        Row record = Row.copy(input);
        record.setKind(RowKind.INSERT);
        long[] counts = rightRows.get(record);
        if (accumulate) {
            rightRows.put(record, counts == null ? new long[] {1} : new long[] {counts[0] + 1});
        } else if (counts != null) {
            if (counts[0] <= 1) {
                rightRows.remove(record);
            } else {
                rightRows.put(record, new long[] {counts[0] - 1});
            }
        } else {
            return; // retraction of a row that expired or never came: it changes no association
        }
        if (JoinStates.matchesNothing(ctx.getCurrentKey(), nullKeysNeverMatch)) {
            return;
        }
        for (Map.Entry<Row, long[]> entry : leftRows.entries()) {
            Row left = entry.getKey();
            if (!joined.matches(left, record, true)) {
                continue;
            }
            long[] leftCounts = entry.getValue();
            if (accumulate) {
                if (leftCounts[1] == 0) {
                    emitCopies(out, left, anti ? RowKind.DELETE : RowKind.INSERT, leftCounts[0]);
                }
                leftCounts[1]++;
            } else {
                if (leftCounts[1] == 1) {
                    emitCopies(out, left, anti ? RowKind.INSERT : RowKind.DELETE, leftCounts[0]);
                }
                leftCounts[1] = Math.max(0, leftCounts[1] - 1);
            }
            leftRows.put(left, leftCounts);
        }
    }

    private static void emitCopies(Collector<Row> out, Row row, RowKind kind, long copies) {
        for (long i = 0; i < copies; i++) {
            Row copy = Row.copy(row);
            copy.setKind(kind);
            out.collect(copy);
        }
    }
}
